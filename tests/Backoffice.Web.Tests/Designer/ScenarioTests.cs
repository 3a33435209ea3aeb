using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Designer;

/// <summary>Saved dry-run scenarios guard publishing: a candidate that fails one is refused with the scenario's name and what differed.</summary>
[Collection(ClockCollection.Name)]
public sealed class ScenarioTests
{
    private const string Id = "cancel-access";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_failing_scenario_blocks_the_publication_with_its_name_and_differences()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        var compliance = await _app.SignedInAs("compliance");
        var url = $"{definitions.Url}/scenarios/正常注销";
        try
        {
            var saved = await compliance.PutAsync(url, Json(Scenario())).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("正常注销", saved["name"]!.GetValue<string>());
            var listed = await definitions.GetAsync("scenarios").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(["正常注销"], listed.AsArray().Select(s => s!["name"]!.GetValue<string>()));
            var read = await compliance.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("approved", read["scenario"]!["expect"]!["endStatus"]!.GetValue<string>());

            var shortcut = Definitions.WithDecisionBeforeSubmit(original, "order.websites.length > 99");
            shortcut["connections"]!.AsArray().First(c => c!["source"]!.GetValue<string>() == "check-sites" && c["outcome"]!.GetValue<string>() == "false")!["target"] = "end-expired";
            await definitions.SaveDraftAsync(shortcut);
            var refused = await definitions.PublishAsync("网站少于 100 个即结束").ExpectAsync((HttpStatusCode)422);
            Assert.Equal(("scenario-failed", "正常注销"), (refused["code"]!.GetValue<string>(), refused["scenario"]!.GetValue<string>()));
            Assert.Equal(["does not pass submit", "ends expired, expected approved"], refused["differences"]!.AsArray().Select(d => d!.GetValue<string>()));
            Assert.Equal(0, await definitions.AwaitingApprovalVersionAsync());

            await compliance.DeleteAsync(url).ExpectAsync(HttpStatusCode.OK);
            await compliance.DeleteAsync(url).ExpectAsync(HttpStatusCode.NotFound);
            await compliance.GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
            await definitions.PublishAsync("网站少于 100 个即结束").ExpectAsync(HttpStatusCode.Accepted);
            await using var db = await TestApp.OpenDatabaseAsync();
            Assert.Equal(["workflow-scenario-saved", "workflow-scenario-deleted"], await db.QueryAsync<string>(
                "select action from audit_log where entity_id = @Id and action like 'workflow-scenario-%' and details->>'name' = '正常注销' order by id", new { Id }));
        }
        finally
        {
            await compliance.DeleteAsync(url);
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Scenarios_with_bad_fields_are_refused_at_the_field()
    {
        var compliance = await _app.SignedInAs("compliance");
        var noOrder = await compliance.PutAsync($"/api/workflow-definitions/{Id}/scenarios/坏场景", Json(new JsonObject { ["expect"] = new JsonObject() }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        var badExpect = Scenario();
        badExpect["expect"] = new JsonObject { ["endStatus"] = "finished", ["maxWorkingDays"] = 0 };
        var bad = await compliance.PutAsync($"/api/workflow-definitions/{Id}/scenarios/坏场景", Json(badExpect)).ExpectAsync(HttpStatusCode.BadRequest);
        var noExpect = Scenario();
        noExpect.Remove("expect");
        var missing = await compliance.PutAsync($"/api/workflow-definitions/{Id}/scenarios/坏场景", Json(noExpect)).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["required"], noOrder.ErrorCodes()["order"]);
        Assert.Equal(["invalid-choice"], bad.ErrorCodes()["expect.endStatus"]);
        Assert.Equal(["working-days-range"], bad.ErrorCodes()["expect.maxWorkingDays"]);
        Assert.Equal(["required"], missing.ErrorCodes()["expect"]);
        await compliance.PutAsync("/api/workflow-definitions/no-such-process/scenarios/x", Json(Scenario())).ExpectAsync(HttpStatusCode.NotFound);
        await compliance.GetAsync($"/api/workflow-definitions/{Id}/scenarios/坏场景").ExpectAsync(HttpStatusCode.NotFound);
    }

    private static JsonObject Scenario() => new()
    {
        ["order"] = Orders.Enterprise(),
        ["outcomes"] = new JsonObject { ["review"] = new JsonArray("approve"), ["bureau-review"] = new JsonArray("approved") },
        ["expect"] = new JsonObject { ["passes"] = new JsonArray("review", "submit"), ["endStatus"] = "approved", ["maxWorkingDays"] = 30 },
    };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
