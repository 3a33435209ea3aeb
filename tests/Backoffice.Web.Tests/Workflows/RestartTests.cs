using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task Flow_started_before_a_restart_continues_on_the_new_process()
    {
        Flow flow;
        using (var before = new TestApp(testMode: true))
        {
            flow = await Flow.SubmittedAsync(before);
            await flow.CompleteAsync("approve");
            Assert.Equal("verification", await flow.StatusAsync());
        }

        using var after = new TestApp(testMode: true);
        var resumed = new Flow(after, flow.Id);
        await resumed.UploadCurtainPhotoAndSubmitAsync();
        await resumed.CompleteAsync("approve");
        await resumed.CompleteAsync("approve");

        Assert.Equal("sms-verification", await resumed.StatusAsync());
        Assert.Equal(HttpStatusCode.OK, (await after.Anonymous().GetAsync("/healthz")).StatusCode);
    }
}
