using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class VersionPinningTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Running_order_finishes_on_its_version_while_a_new_order_takes_the_new_one()
    {
        var compliance = await _app.SignedInAs("compliance");
        var original = await PublishedAsync(compliance);
        var before = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");
        try
        {
            await PublishAsync(compliance, WithLegalCheck(original.AsObject()));
            var after = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");

            Assert.Equal("审核：确认注销的网站", (await before.OpenTaskAsync())["step"]!.GetValue<string>());
            await before.CompleteAsync("approve");
            Assert.Equal("bureau-review", await before.StatusAsync());

            await after.CompleteAsync("approve");
            Assert.Equal("法务复核", (await after.OpenTaskAsync())["step"]!.GetValue<string>());
            await after.CompleteAsync("approve");
            Assert.Equal("bureau-review", await after.StatusAsync());
        }
        finally
        {
            await PublishAsync(compliance, original.AsObject());
        }
    }

    [Fact]
    public async Task Fork_waits_for_both_branches_before_the_bureau()
    {
        var compliance = await _app.SignedInAs("compliance");
        var original = await PublishedAsync(compliance);
        try
        {
            await PublishAsync(compliance, WithMailedDocuments(original.AsObject()));
            var flow = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");
            await flow.CompleteAsync("approve");

            var reviewer = await _app.SignedInAs("reviewer");
            var open = await reviewer.GetAsync($"/api/tasks?scope=team&filingId={flow.Id}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(["法务复核", "邮寄原件到达"], open.AsArray().Select(t => t!["step"]!.GetValue<string>()).Order());
            await CompleteStepAsync(reviewer, open, "邮寄原件到达");
            Assert.Equal("initial-review", await flow.StatusAsync());
            await CompleteStepAsync(reviewer, open, "法务复核");
            Assert.Equal("bureau-review", await flow.StatusAsync());
        }
        finally
        {
            await PublishAsync(compliance, original.AsObject());
        }
    }

    [Fact]
    public async Task A_decision_that_fails_at_run_time_stops_the_instance_as_faulted_and_tells_compliance()
    {
        var compliance = await _app.SignedInAs("compliance");
        var original = await PublishedAsync(compliance);
        try
        {
            await PublishAsync(compliance, Definitions.WithDecisionBeforeSubmit(original.AsObject(), "order.websites[5].name.length > 0"));
            var flow = await Flow.OnFiledWebsiteAsync(_app, "deregister-website");

            await flow.CompleteAsync("approve");

            var timeline = (await flow.GetAsync())["timeline"]!.AsArray();
            var fault = timeline.Last(t => t!["step"]?.GetValue<string>() == "核对网站数量")!["note"]!.GetValue<string>();
            Assert.StartsWith("faulted: 表达式执行出错", fault);
            Assert.Equal("initial-review", await flow.StatusAsync());
            var reviewer = await _app.SignedInAs("reviewer");
            Assert.Empty((await reviewer.GetAsync($"/api/tasks?scope=team&filingId={flow.Id}").ExpectAsync(HttpStatusCode.OK)).AsArray());
            await using var db = await TestApp.OpenDatabaseAsync();
            Assert.Equal("faulted", await db.ExecuteScalarAsync<string>(
                "select status from workflow_instances where order_id = @id::uuid", new { id = flow.Id }));
            var told = (await db.QueryAsync<(string Recipient, string Body)>(
                "select recipient, body from outbox_messages where order_id = @id::uuid and template = 'workflow-faulted'", new { id = flow.Id })).AsList();
            Assert.Contains(told, m => m.Recipient == "compliance" && m.Body.Contains("核对网站数量"));
        }
        finally
        {
            await PublishAsync(compliance, original.AsObject());
        }
    }

    private static async Task<JsonNode> PublishedAsync(HttpClient compliance)
    {
        var list = await compliance.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        var published = list.AsArray().First(d => d!["id"]!.GetValue<string>() == "deregister-website")!["publishedVersion"]!.GetValue<int>();
        return await compliance.GetAsync($"/api/workflow-definitions/deregister-website/versions/{published}").ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task CompleteStepAsync(HttpClient reviewer, JsonNode tasks, string step)
    {
        var id = tasks.AsArray().First(t => t!["step"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{id}/claim").ExpectAsync(HttpStatusCode.OK);
        await reviewer.PostJsonAsync($"/api/tasks/{id}/complete", new JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.OK);
    }

    private static JsonObject WithMailedDocuments(JsonObject definition)
    {
        var copy = WithLegalCheck(definition);
        var activities = copy["activities"]!.AsArray();
        activities.Add(new JsonObject
        {
            ["id"] = "both", ["type"] = "fork", ["name"] = "法务复核与邮寄原件",
            ["properties"] = new JsonObject { ["branches"] = new JsonArray("legal", "mail") },
        });
        activities.Add(new JsonObject
        {
            ["id"] = "mail", ["type"] = "human-task", ["name"] = "邮寄原件到达",
            ["properties"] = new JsonObject
            {
                ["team"] = "verification", ["title"] = "邮寄原件到达", ["sla"] = new JsonObject { ["amount"] = 5, ["unit"] = "working-days" },
                ["outcomes"] = new JsonArray("approve", "return"),
            },
        });
        activities.Add(new JsonObject { ["id"] = "joined", ["type"] = "join", ["name"] = "两项均完成" });
        var connections = copy["connections"]!.AsArray();
        connections.First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!["target"] = "both";
        connections.First(c => c!["source"]!.GetValue<string>() == "legal-check" && c["outcome"]!.GetValue<string>() == "approve")!["target"] = "joined";
        connections.Add(new JsonObject { ["source"] = "both", ["outcome"] = "legal", ["target"] = "legal-check" });
        connections.Add(new JsonObject { ["source"] = "both", ["outcome"] = "mail", ["target"] = "mail" });
        connections.Add(new JsonObject { ["source"] = "mail", ["outcome"] = "approve", ["target"] = "joined" });
        connections.Add(new JsonObject { ["source"] = "mail", ["outcome"] = "return", ["target"] = "notify-returned" });
        connections.Add(new JsonObject { ["source"] = "joined", ["outcome"] = "done", ["target"] = "submit" });
        return copy;
    }

    private static JsonObject WithLegalCheck(JsonObject definition)
    {
        var copy = definition.DeepClone().AsObject();
        copy["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "legal-check", ["type"] = "human-task", ["name"] = "法务复核",
            ["properties"] = new JsonObject
            {
                ["team"] = "second-review", ["title"] = "法务复核", ["sla"] = new JsonObject { ["amount"] = 1, ["unit"] = "working-days" },
                ["outcomes"] = new JsonArray("approve", "return"),
            },
        });
        var connections = copy["connections"]!.AsArray();
        var toSubmit = connections.First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!;
        toSubmit["target"] = "legal-check";
        connections.Add(new JsonObject { ["source"] = "legal-check", ["outcome"] = "approve", ["target"] = "submit" });
        connections.Add(new JsonObject { ["source"] = "legal-check", ["outcome"] = "return", ["target"] = "notify-returned" });
        return copy;
    }

    private async Task PublishAsync(HttpClient compliance, JsonObject definition)
    {
        await compliance.PutAsync("/api/workflow-definitions/deregister-website/draft",
            new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.OK);
        await (await Definitions.ForAsync(_app, "deregister-website")).PublishApprovedAsync("版本固定测试");
    }
}
