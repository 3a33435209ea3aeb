using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// A decision records the ticked checklist; a return may point at fields and materials with a reason each, which the
/// applicant reads on GET /api/filings/{id}; both are audited and read on the order's timeline; a resubmission shows
/// what changed since the return.
/// </summary>
public sealed class ReviewDecisionTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_return_points_at_fields_and_materials_and_the_applicant_reads_them()
    {
        var (flow, _) = await RealMaterials.SubmittedAsync(_app);
        var taskId = await ClaimAsync(flow);
        var reviewer = await _app.SignedInAs("reviewer");

        var onApprove = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject
        {
            ["outcome"] = "approve", ["items"] = Items(("subject.mailingAddress", "门牌号缺失")),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var unknown = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Return(("subject.nickname", "无此字段"), ("materials.pre-approval", "x"), ("subject.name", " ")))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["items-only-on-return"], onApprove.ErrorCodes()["items"]);
        Assert.Equal(["item-path-unknown"], unknown.ErrorCodes()["items[0].path"]);
        Assert.Equal(["item-path-unknown"], unknown.ErrorCodes()["items[1].path"]);
        Assert.Equal(["required"], unknown.ErrorCodes()["items[2].reason"]);
        Assert.Equal("initial-review", await flow.StatusAsync());

        await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Return(
            ("subject.mailingAddress", "通信地址请写到门牌号"), ("materials.business-license", "营业执照照片模糊"),
            ("websites[0].materials.verification-form", "核验单未签字"))).ExpectAsync(HttpStatusCode.OK);

        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            var audited = JsonNode.Parse(await db.QuerySingleAsync<string>(
                "select details::text from audit_log where action = 'review-decision-recorded' and entity_id = @taskId and actor = 'reviewer'", new { taskId }))!;
            Assert.Equal("return", audited["outcome"]!.GetValue<string>());
            Assert.Equal(
                ["subject.mailingAddress", "materials.business-license", "websites[0].materials.verification-form"],
                audited["items"]!.AsArray().Select(i => i!["path"]!.GetValue<string>()));
        }

        var staffPage = await (await StaffPages.SignedInAsync(_app, "reviewer")).GetStringAsync($"/orders/{flow.Id}");
        Assert.Contains("退回涉及：主体 · 通信地址（通信地址请写到门牌号）、材料 · 营业执照（营业执照照片模糊）", staffPage, StringComparison.Ordinal);

        var order = await flow.GetAsync();
        var back = Assert.Single(order["returns"]!.AsArray())!;
        Assert.Equal(1, back["number"]!.GetValue<int>());
        Assert.Equal(["address-not-detailed"], back["reasonCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(
            [("subject.mailingAddress", "通信地址请写到门牌号"), ("materials.business-license", "营业执照照片模糊"), ("websites[0].materials.verification-form", "核验单未签字")],
            back["items"]!.AsArray().Select(i => (i!["path"]!.GetValue<string>(), i["reason"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_resubmission_lists_what_changed_since_the_return_masked_and_an_unchanged_one_is_flagged()
    {
        var (flow, body) = await RealMaterials.SubmittedAsync(_app);
        await ReturnAsync(flow, ("subject.mailingAddress", "通信地址请写到门牌号"));
        body["subject"]!["mailingAddress"] = "深圳市南山区科技园科苑路8号12楼1201室";
        body["subject"]!["principal"]!["mobile"] = "13900139000";
        await RealMaterials.UploadAsync(_app, flow, body, "business-license", null);
        await RealMaterials.ResubmitAsync(_app, flow, body);

        var page = await TaskPageAsync(flow);
        Assert.Contains("第 1 次退回后重新提交", page, StringComparison.Ordinal);
        Assert.Contains("通信地址请写到门牌号", page, StringComparison.Ordinal);
        Assert.Contains("<del>深圳市南山区科技园科苑路8号1201室</del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>深圳市南山区科技园科苑路8号12楼1201室</ins>", page, StringComparison.Ordinal);
        Assert.Contains("主体负责人 · 手机", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13900139000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", page, StringComparison.Ordinal);
        Assert.Contains("材料 · 营业执照", page, StringComparison.Ordinal);
        Assert.DoesNotContain("resubmission-unchanged", page, StringComparison.Ordinal);

        await ReturnAsync(flow, ("subject.name", "名称与执照不一致"));
        await RealMaterials.ResubmitAsync(_app, flow, body);
        var unchanged = await TaskPageAsync(flow);
        Assert.Contains("第 2 次退回后重新提交", unchanged, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"resubmission-unchanged\"", unchanged, StringComparison.Ordinal);
    }

    private async Task<string> TaskPageAsync(Flow flow)
    {
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        return await (await StaffPages.SignedInAsync(_app, "reviewer")).GetStringAsync($"/tasks/{taskId}");
    }

    private async Task ReturnAsync(Flow flow, params (string Path, string Reason)[] items)
    {
        var taskId = await ClaimAsync(flow);
        await (await _app.SignedInAs("reviewer")).PostJsonAsync($"/api/tasks/{taskId}/complete", Return(items)).ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<string> ClaimAsync(Flow flow)
    {
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await (await _app.SignedInAs("reviewer")).PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        return taskId;
    }

    private static JsonObject Return(params (string Path, string Reason)[] items) => new()
    {
        ["outcome"] = "return", ["reasonCodes"] = new JsonArray("address-not-detailed"), ["comment"] = "请修改后重新提交", ["items"] = Items(items),
    };

    private static JsonArray Items(params (string Path, string Reason)[] items) =>
        new([.. items.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["reason"] = i.Reason })]);
}

/// <summary>Items a step marks as required must be ticked before approving; the ticked checklist is recorded.</summary>
[Collection(ClockCollection.Name)]
public sealed class RequiredChecklistTests
{
    private const string Required = "证件清晰完整且在有效期内";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Approving_needs_the_required_checks_ticked_and_records_them()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var original = await definitions.PublishedAsync();
        var strict = original.DeepClone().AsObject();
        strict["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "initial-review")!["properties"]!["requiredChecklist"] = new JsonArray(Required);
        try
        {
            await definitions.RepublishAsync(strict);
            var flow = await Flow.SubmittedAsync(_app);
            var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
            var reviewer = await _app.SignedInAs("reviewer");
            await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);

            var unticked = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Approve()).ExpectAsync(HttpStatusCode.BadRequest);
            var stranger = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Approve(Required, "随便看看")).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["checklist-incomplete"], unticked.ErrorCodes()["checklist"]);
            Assert.Contains(Required, unticked["errors"]!["checklist"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(["not-on-checklist"], stranger.ErrorCodes()["checklist[1]"]);
            Assert.Equal("initial-review", await flow.StatusAsync());

            await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", Approve(Required, "通信地址详细到门牌号")).ExpectAsync(HttpStatusCode.OK);

            await using var db = await TestApp.OpenDatabaseAsync();
            var recorded = await db.QueryAsync<string>(
                "select unnest(checklist) from review_decisions where task_id = @id", new { id = Guid.Parse(taskId) });
            Assert.Equal([Required, "通信地址详细到门牌号"], recorded);
            var audited = JsonNode.Parse(await db.QuerySingleAsync<string>(
                "select details::text from audit_log where action = 'review-decision-recorded' and entity_id = @taskId", new { taskId }))!;
            Assert.Equal([Required, "通信地址详细到门牌号"], audited["checklist"]!.AsArray().Select(c => c!.GetValue<string>()));
            var staffPage = await (await StaffPages.SignedInAsync(_app, "reviewer")).GetStringAsync($"/orders/{flow.Id}");
            Assert.Contains($"已核对：{Required}、通信地址详细到门牌号", staffPage, StringComparison.Ordinal);
            Assert.Equal("verification", await flow.StatusAsync());
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    private static JsonObject Approve(params string[] ticked) =>
        new() { ["outcome"] = "approve", ["comment"] = "材料齐全", ["checklist"] = new JsonArray([.. ticked.Select(t => (JsonNode)t)]) };
}
