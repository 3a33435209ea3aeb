using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>A review step given return reasons in the designer offers only those; without them, the whole catalogue.</summary>
[Collection(ClockCollection.Name)]
public sealed class StepReasonTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_step_with_its_own_return_reasons_offers_and_accepts_only_those()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var original = await definitions.PublishedAsync();
        var narrowed = original.DeepClone().AsObject();
        narrowed["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "initial-review")!["properties"]!["reasonCodes"] =
            new JsonArray("certificate-unclear");
        try
        {
            await definitions.RepublishAsync(narrowed);
            var flow = await Flow.SubmittedAsync(_app);
            var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
            var reviewer = await _app.SignedInAs("reviewer");
            await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);

            var page = await (await StaffPages.SignedInAsync(_app, "reviewer")).GetStringAsync($"/tasks/{taskId}");
            var refused = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Return("certificate-expired")).ExpectAsync(HttpStatusCode.BadRequest);
            await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Return("certificate-unclear")).ExpectAsync(HttpStatusCode.OK);

            Assert.Contains("data-testid=\"reason-certificate-unclear\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"reason-certificate-expired\"", page, StringComparison.Ordinal);
            Assert.Equal(["reason-not-offered"], refused.ErrorCodes()["reasonCodes[0]"]);
            Assert.Equal("returned", await flow.StatusAsync());
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    private static JsonObject Return(string reason) =>
        new() { ["outcome"] = "return", ["reasonCodes"] = new JsonArray(reason), ["comment"] = "请重新上传" };
}
