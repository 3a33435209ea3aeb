using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// A faulted instance is an incident: compliance retries it from the activity it faulted at (once the
/// cause is fixed it runs on) or cancels it with a reason; both audited and on the order's timeline.
/// Anything but a faulted instance is refused with 409 instance-not-faulted.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class IncidentTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_faulted_instance_is_retried_from_its_failed_step_and_runs_on_once_the_cause_is_fixed()
    {
        var definitions = await Definitions.ForAsync(_app, "deregister-website");
        var original = await definitions.PublishedAsync();
        try
        {
            await definitions.RepublishAsync(Definitions.WithDecisionBeforeSubmit(original, "order.checkedBy.length > 0"));
            var flow = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");
            await flow.CompleteAsync("approve");
            var compliance = await _app.SignedInAs("compliance");
            var incident = await IncidentOfAsync(compliance, flow);
            Assert.Equal(["check-sites"], incident["currentActivities"]!.AsArray().Select(a => a!.GetValue<string>()));
            var url = $"/api/workflow-instances/{incident["id"]}";

            var again = await compliance.PostEmptyAsync($"{url}/retry").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("faulted", again["status"]!.GetValue<string>());

            await using var db = await TestApp.OpenDatabaseAsync();
            await db.ExecuteAsync("update filing_orders set body = body || '{\"checkedBy\": \"合规\"}' where id = @id::uuid", new { id = flow.Id });
            var retried = await compliance.PostEmptyAsync($"{url}/retry").ExpectAsync(HttpStatusCode.OK);

            Assert.Equal("running", retried["status"]!.GetValue<string>());
            Assert.Equal("bureau-review", await flow.StatusAsync());
            var timeline = (await flow.GetAsync())["timeline"]!.AsArray();
            Assert.Equal(2, timeline.Count(t => t!["note"]?.GetValue<string>() == "retried"));
            Assert.Equal(2, await db.ExecuteScalarAsync<int>(
                "select count(*) from audit_log where action = 'incident-retried' and actor = 'compliance' and details->>'instance' = @id",
                new { id = incident["id"]!.GetValue<string>() }));

            var refused = await compliance.PostEmptyAsync($"{url}/retry").ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("instance-not-faulted", refused["code"]!.GetValue<string>());
            await compliance.PostJsonAsync($"{url}/cancel", new JsonObject { ["reason"] = "不再需要" }).ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("running", (await compliance.GetAsync(url).ExpectAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
            await compliance.PostEmptyAsync($"/api/workflow-instances/{Guid.NewGuid()}/retry").ExpectAsync(HttpStatusCode.NotFound);
            await (await _app.SignedInAs("reviewer")).PostEmptyAsync($"{url}/retry").ExpectAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task A_faulted_instance_is_cancelled_only_with_a_reason()
    {
        var definitions = await Definitions.ForAsync(_app, "deregister-website");
        var original = await definitions.PublishedAsync();
        try
        {
            await definitions.RepublishAsync(Definitions.WithDecisionBeforeSubmit(original, "order.websites[5].name.length > 0"));
            var flow = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");
            await flow.CompleteAsync("approve");
            var compliance = await _app.SignedInAs("compliance");
            var url = $"/api/workflow-instances/{(await IncidentOfAsync(compliance, flow))["id"]}";

            var missing = await compliance.PostJsonAsync($"{url}/cancel", new JsonObject { ["reason"] = "  " }).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["required"], missing.ErrorCodes()["reason"]);
            Assert.Equal("faulted", (await compliance.GetAsync(url).ExpectAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());

            var cancelled = await compliance.PostJsonAsync($"{url}/cancel", new JsonObject { ["reason"] = "订单数据无法修复，线下处理" })
                .ExpectAsync(HttpStatusCode.OK);

            Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
            var timeline = (await flow.GetAsync())["timeline"]!.AsArray();
            Assert.Contains(timeline, t => t!["note"]?.GetValue<string>() == "cancelled: 订单数据无法修复，线下处理");
            await using var db = await TestApp.OpenDatabaseAsync();
            Assert.Equal("订单数据无法修复，线下处理", await db.ExecuteScalarAsync<string>(
                "select details->>'reason' from audit_log where action = 'incident-cancelled' and entity_id = (select order_number from filing_orders where id = @id::uuid)",
                new { id = flow.Id }));
            var twice = await compliance.PostJsonAsync($"{url}/cancel", new JsonObject { ["reason"] = "再次取消" }).ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("instance-not-faulted", twice["code"]!.GetValue<string>());
            await compliance.PostEmptyAsync($"{url}/retry").ExpectAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    private static async Task<JsonNode> IncidentOfAsync(HttpClient compliance, Flow flow)
    {
        var faulted = await compliance.GetAsync("/api/workflow-instances?definition=deregister-website&status=faulted").ExpectAsync(HttpStatusCode.OK);
        return faulted["items"]!.AsArray().Single(i => i!["orderId"]!.GetValue<string>() == flow.Id)!;
    }
}
