using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

/// <summary>
/// The diff and the impact preview speak the compliance manager's language: step names, old and new
/// values with units, outcome and team labels; the preview counts the running orders waiting at each
/// changed or removed step.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class ChangeDescriptionTests
{
    private const string Id = "cancel-access";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Diff_describes_each_change_with_names_values_and_labels_in_chinese_and_english()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        try
        {
            var draft = (await definitions.SaveDraftAsync(Edited(original)))["version"]!.GetValue<int>();

            var zh = await definitions.GetAsync($"diff?from={published}&to={draft}").ExpectAsync(HttpStatusCode.OK);
            var en = await definitions.GetAsync($"diff?from={published}&to={draft}&lang=en").ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(
            [
                "新增步骤 「法务复核」（人工审核 · 复审组 · 时限 2 工作日）",
                "删除步骤 「等待申请人修改后重新提交」",
                "接入商审核 · 时限 1 工作日 → 3 工作日",
                "接入商审核 · 「通过」去向 提交管局 → 法务复核",
                "通知管局退回 · 「完成」去向 等待申请人修改后重新提交 → 等待申请人修改",
                "新增连线 法务复核 —通过→ 提交管局",
                "新增连线 法务复核 —退回→ 通知退回",
                "删除连线 等待申请人修改后重新提交 —已补正重交→ 接入商审核",
                "删除连线 等待申请人修改后重新提交 —超时→ 订单失效",
            ], Texts(zh["changes"]!));
            Assert.Equal("接入商审核 · 时限 1 工作日 → 3 工作日", zh["diff"]!["changedActivities"]![0]!["description"]!.GetValue<string>());
            Assert.Equal(["review"], zh["diff"]!["changedActivities"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            Assert.Contains("新增连线 接入商审核 —通过→ 法务复核", zh["diff"]!["addedConnections"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()));
            Assert.Equal(["legal"], zh["diff"]!["addedActivities"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.Contains("接入商审核 · SLA 1 working days → 3 working days", Texts(en["changes"]!));
            Assert.Contains("New step “法务复核” (Human task · 复审组 · SLA 2 working days)", Texts(en["changes"]!));
            Assert.Contains("Removed connection 等待申请人修改后重新提交 —resubmitted→ 接入商审核", Texts(en["changes"]!));
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task Impact_preview_counts_the_orders_waiting_at_each_changed_step_and_says_what_happens_to_them()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        await Flow.OnFiledWebsiteAsync(_app, Id);
        try
        {
            var draft = (await definitions.SaveDraftAsync(Edited(original)))["version"]!.GetValue<int>();
            var waiting = (await definitions.GetAsync($"versions/{published}/waiting").ExpectAsync(HttpStatusCode.OK))["waiting"]!["review"]!.GetValue<int>();

            var impact = await definitions.GetAsync($"impact?from={published}&to={draft}").ExpectAsync(HttpStatusCode.OK);
            var missing = await definitions.GetAsync($"impact?from={published}").ExpectAsync(HttpStatusCode.BadRequest);
            var unknown = await definitions.GetAsync($"impact?from={published}&to=9999").ExpectAsync(HttpStatusCode.BadRequest);
            await (await _app.SignedInAs("compliance")).GetAsync($"/api/workflow-definitions/no-such-process/impact?from=1&to=2").ExpectAsync(HttpStatusCode.NotFound);

            var changes = impact["changes"]!.AsArray().ToDictionary(c => c!["activityId"]!.GetValue<string>());
            Assert.Equal(["legal", "wait-resubmit", "review", "notify-rejected"], changes.Keys);
            Assert.Equal(("added", 0), (changes["legal"]!["change"]!.GetValue<string>(), changes["legal"]!["waiting"]!.GetValue<int>()));
            Assert.Equal("removed", changes["wait-resubmit"]!["change"]!.GetValue<string>());
            var review = changes["review"]!;
            Assert.True(waiting >= 1);
            Assert.Equal(("changed", "接入商审核", waiting), (review["change"]!.GetValue<string>(), review["name"]!.GetValue<string>(), review["waiting"]!.GetValue<int>()));
            Assert.Equal($"接入商审核 · 时限 1 工作日 → 3 工作日；接入商审核 · 「通过」去向 提交管局 → 法务复核 —— {waiting} 个运行中订单在此等待，将按版本 {published} 完成（除非迁移）",
                review["description"]!.GetValue<string>());
            Assert.True(impact["runningOnFrom"]!.GetValue<int>() >= waiting);
            Assert.Equal(["required"], missing.ErrorCodes()["to"]);
            Assert.Equal(["version-not-found"], unknown.ErrorCodes()["to"]);
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    /// <summary>cancel-access with a legal review after the provider review (2 working days), the review's SLA at 3 working days and the bureau-rejection resubmit step removed.</summary>
    private static JsonObject Edited(JsonObject original)
    {
        var edited = Definitions.WithStepAfter(original, "review", "approve", Definitions.HumanTask("legal", "法务复核", "second-review", 2), "notify-returned");
        edited["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["sla"] =
            new JsonObject { ["amount"] = 3, ["unit"] = "working-days" };
        var activities = edited["activities"]!.AsArray();
        activities.Remove(activities.First(a => a!["id"]!.GetValue<string>() == "wait-resubmit"));
        var connections = edited["connections"]!.AsArray();
        foreach (var gone in connections.Where(c => c!["source"]!.GetValue<string>() == "wait-resubmit").ToList())
        {
            connections.Remove(gone);
        }

        connections.First(c => c!["source"]!.GetValue<string>() == "notify-rejected")!["target"] = "wait-fix";
        return edited;
    }

    private static List<string> Texts(JsonNode changes) => [.. changes.AsArray().Select(c => c!["description"]!.GetValue<string>())];
}
