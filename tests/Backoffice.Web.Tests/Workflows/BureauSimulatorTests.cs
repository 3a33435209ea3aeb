using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Bureau;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Workflows;

public sealed class BureauSimulatorTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Simulated_applicant_verifies_the_sms_and_the_simulated_bureau_approves_after_review()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();
        var simulator = _app.Services.GetRequiredService<BureauSimulator>();

        await simulator.VerifySmsAsync(Guid.Parse(flow.Id), CancellationToken.None);
        Assert.Equal("bureau-review", await flow.StatusAsync());
        await simulator.ReviewAsync(Guid.Parse(flow.Id), CancellationToken.None);

        Assert.Equal("approved", await flow.StatusAsync());
        await using var db = await TestApp.OpenDatabaseAsync();
        var actors = await db.QueryAsync<string>("select distinct received_by from bureau_events where order_id = @id", new { id = Guid.Parse(flow.Id) });
        Assert.Equal(["bureau-simulator"], actors);
    }
}
