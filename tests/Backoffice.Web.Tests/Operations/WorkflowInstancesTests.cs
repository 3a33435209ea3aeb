using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Operations;

/// <summary>Compliance managers see the running instances of a definition where they wait, and one instance with its journal and bookmarks.</summary>
[Collection(ClockCollection.Name)]
public sealed class WorkflowInstancesTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Instances_are_listed_by_definition_status_and_step_and_read_with_their_journal()
    {
        var flow = await Flow.OnFiledWebsiteAsync(_app, "cancel-access");
        var compliance = await _app.SignedInAs("compliance");
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();

        var waiting = await compliance.GetAsync("/api/workflow-instances?definition=cancel-access&status=running&activity=review").ExpectAsync(HttpStatusCode.OK);
        var elsewhere = await compliance.GetAsync("/api/workflow-instances?definition=cancel-access&status=running&activity=submit").ExpectAsync(HttpStatusCode.OK);

        var item = waiting["items"]!.AsArray().Single(i => i!["orderId"]!.GetValue<string>() == flow.Id)!;
        Assert.Equal((orderNumber, "cancel-access", "running"), (item["orderNumber"]!.GetValue<string>(), item["definitionId"]!.GetValue<string>(), item["status"]!.GetValue<string>()));
        Assert.Equal(["review"], item["currentActivities"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(waiting["total"]!.GetValue<int>() >= 1);
        Assert.DoesNotContain(elsewhere["items"]!.AsArray(), i => i!["orderId"]!.GetValue<string>() == flow.Id);

        var detail = await compliance.GetAsync($"/api/workflow-instances/{item["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("review", detail["journal"]!.AsArray().Last()!["activityId"]!.GetValue<string>());
        Assert.Equal(("review", "task"), (detail["bookmarks"]![0]!["activityId"]!.GetValue<string>(), detail["bookmarks"]![0]!["kind"]!.GetValue<string>()));
        Assert.NotNull(detail["variables"]);

        var bad = await compliance.GetAsync("/api/workflow-instances?status=sleeping&page=0").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-choice"], bad.ErrorCodes()["status"]);
        Assert.Equal(["page-range"], bad.ErrorCodes()["page"]);
        await compliance.GetAsync($"/api/workflow-instances/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        await (await _app.SignedInAs("reviewer")).GetAsync("/api/workflow-instances").ExpectAsync(HttpStatusCode.Forbidden);
    }
}
