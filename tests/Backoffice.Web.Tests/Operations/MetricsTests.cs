using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Operations;

/// <summary>The Prometheus scrape endpoint answers admins only, with the engine's and the desk's metrics.</summary>
public sealed class MetricsTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Admins_scrape_the_engine_and_desk_metrics()
    {
        await Flow.SubmittedAsync(_app);
        var admin = await _app.SignedInAs("admin");

        var response = await admin.GetAsync("/api/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("backoffice_engine_steps", text, StringComparison.Ordinal);
        Assert.Contains("backoffice_engine_step_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("backoffice_bureau_queue", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_staff_and_anonymous_callers_are_refused_the_metrics()
    {
        var reviewer = await _app.SignedInAs("reviewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync("/api/metrics")).StatusCode);
    }
}
