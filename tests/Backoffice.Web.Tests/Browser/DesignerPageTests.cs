using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// A compliance manager changes a definition in the designer page, in a real browser, and asks for its
/// publication; a second compliance manager reads the changes and approves it.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed partial class DesignerPageTests
{
    private const string Id = "deregister-website";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Added_step_is_validated_previewed_approved_by_a_second_manager_taken_by_new_orders_only_shown_in_the_diff_and_the_dry_run()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var before = await Flow.OnFiledWebsiteAsync(_app, Id);
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.Console += (_, message) => pageErrors.Add(message.Text);
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
            await page.GotoAsync($"/designer?id={Id}");
            await Assertions.Expect(Node(page, "review")).ToBeVisibleAsync();
            await Assertions.Expect(Node(page, "review").GetByTestId("waiting-badge")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".waiting-note")).ToHaveTextAsync(new Regex($"^版本 v{published} 有 [1-9]\\d* 个运行中订单，步骤上的数字是在该步骤等待的订单数$"));

            await page.DragAndDropAsync(".palette-item[data-type=human-task]", ".react-flow__pane", new() { TargetPosition = new() { X = 300, Y = 300 } });
            await SelectAsync(page, "human-task-1");
            var panel = page.GetByTestId("property-panel");
            await panel.GetByLabel("name", new() { Exact = true }).FillAsync("法务复核");
            await panel.GetByLabel("title", new() { Exact = true }).FillAsync("法务复核");
            await panel.GetByLabel("team").SelectOptionAsync("second-review");
            await panel.GetByLabel("sla-amount").FillAsync("2");
            await panel.GetByLabel("sla-unit").SelectOptionAsync("working-days");
            await SelectAsync(page, "review");
            await panel.GetByLabel("outcome-approve").SelectOptionAsync("human-task-1");

            await Assertions.Expect(Node(page, "human-task-1").GetByTestId("error-badge")).ToBeVisibleAsync();
            await Assertions.Expect(Node(page, "human-task-1")).ToContainTextAsync("'approve' 没有连接");

            await SelectAsync(page, "human-task-1");
            await panel.GetByLabel("outcome-approve").SelectOptionAsync("submit");
            await panel.GetByLabel("outcome-return").SelectOptionAsync("notify-returned");
            await Assertions.Expect(page.GetByTestId("error-count")).ToHaveTextAsync("校验通过");
            await Assertions.Expect(Node(page, "human-task-1")).ToContainTextAsync("2 工作日");
            await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
            var publishPanel = page.GetByTestId("publish-panel");
            await Assertions.Expect(publishPanel.GetByTestId("impact").Locator("tr[data-activity=human-task-1]")).ToContainTextAsync("新增步骤 「法务复核」（人工审核 · 复审组 · 时限 2 工作日）");
            await Assertions.Expect(publishPanel.GetByTestId("impact").Locator("tr[data-activity=review]")).ToContainTextAsync("个运行中订单在此等待");
            await page.ScreenshotAsync("designer-publish-impact");
            await Assertions.Expect(publishPanel.GetByRole(AriaRole.Button, new() { Name = "提交审批" })).ToBeDisabledAsync();
            await publishPanel.GetByLabel("publish-note").FillAsync("注销前增加法务复核");
            await publishPanel.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("已提交审批");
            await Assertions.Expect(page.GetByTestId("version")).ToContainTextAsync("等待审批");
            Assert.Equal(published, await definitions.PublishedVersionAsync());
            await page.GetByTestId("approval-banner").GetByRole(AriaRole.Button, new() { Name = "查看并审批" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("own-request")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("approval-panel").GetByRole(AriaRole.Button, new() { Name = "批准发布" })).ToBeDisabledAsync();

            await ApproveInBrowserAsync(Id, "新增步骤 「法务复核」", "法务复核已确认");
            var newVersion = await definitions.PublishedVersionAsync();
            Assert.True(newVersion > published);

            var after = await Flow.OnFiledWebsiteAsync(_app, Id);
            await before.CompleteAsync("approve");
            await after.CompleteAsync("approve");
            Assert.Equal("bureau-review", await before.StatusAsync());
            Assert.Equal("法务复核", (await after.OpenTaskAsync())["step"]!.GetValue<string>());

            await page.GetByRole(AriaRole.Button, new() { Name = "版本历史" }).ClickAsync();
            await page.GetByLabel($"pick-{published}").CheckAsync();
            await page.GetByLabel($"pick-{newVersion}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "比较所选两个版本" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("diff-changes")).ToContainTextAsync("新增步骤 「法务复核」（人工审核 · 复审组 · 时限 2 工作日）");
            await Assertions.Expect(page.GetByTestId("diff-changes")).ToContainTextAsync("接入商审核 · 「通过」去向 提交管局 → 法务复核");
            await page.ScreenshotAsync("designer-diff");
            await Assertions.Expect(page.GetByTestId("diff-graph-new").Locator(".react-flow__node[data-id=\"human-task-1\"] .diff-added")).ToBeVisibleAsync();
            await page.GetByTestId("diff").GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
            var dryRun = page.GetByTestId("dry-run");
            await Assertions.Expect(dryRun.Locator("[data-order-field]")).ToHaveCountAsync(await OrderFieldCountAsync());
            await dryRun.GetByLabel("order.verificationMethod", new() { Exact = true }).SelectOptionAsync("electronic");
            await dryRun.GetByLabel("order.websites.length", new() { Exact = true }).FillAsync("2");
            var request = await page.RunAndWaitForRequestAsync(
                () => dryRun.GetByRole(AriaRole.Button, new() { Name = "运行" }).ClickAsync(), r => r.Url.EndsWith("/dry-run", StringComparison.Ordinal));
            var described = JsonNode.Parse(request.PostData!)!["order"]!;
            Assert.Equal("electronic", described["verificationMethod"]!.GetValue<string>());
            Assert.Equal(2, described["websites"]!.AsArray().Count);
            Assert.Equal(Id, described["filingType"]!.GetValue<string>());
            var result = page.GetByTestId("dry-run-result");
            await Assertions.Expect(result).ToContainTextAsync("结果: 备案成功");
            await Assertions.Expect(result.Locator("li[data-activity=human-task-1]")).ToContainTextAsync(TimeLimit());
            await Assertions.Expect(Node(page, "human-task-1").GetByTestId("path-step")).ToBeVisibleAsync();
        }
        catch (Exception failure)
        {
            await page.ScreenshotAsync("designer-failure");
            throw new InvalidOperationException($"The designer failed; the page said: {string.Join(" | ", pageErrors)}", failure);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task First_view_lays_the_steps_out_by_stage_with_outcome_labels_and_the_follow_up_folds_away()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        Assert.Equal(0, await definitions.DraftVersionAsync());
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.GotoAsync("/designer?id=new-filing");
        await Assertions.Expect(Node(page, "initial-review")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync("designer-first-view");

        Assert.Equal(["接入商审核", "核验与复审", "管局", "办结与后续"], await page.Locator(".band-title > span").AllTextContentsAsync());
        var labels = await page.Locator(".react-flow__edge-text").AllTextContentsAsync();
        Assert.Contains("通过", labels);
        Assert.Contains("退回", labels);
        Assert.Contains("已重新提交", labels);
        Assert.DoesNotContain(labels, l => l is "approve" or "return" or "true" or "false" or "resubmitted");
        var columns = new List<double>();
        foreach (var (id, band) in new[] { ("initial-review", "provider"), ("photo-review", "verification"), ("bureau-review", "bureau"), ("end-approved", "follow-up") })
        {
            var node = (await Node(page, id).BoundingBoxAsync())!;
            var area = (await page.Locator($"[data-band={band}]").BoundingBoxAsync())!;
            Assert.True(node.X >= area.X && node.X + node.Width <= area.X + area.Width + 1, $"{id} lies outside the {band} band");
            Assert.True(node.Width >= 170, $"{id} is drawn {node.Width:F0} px wide at the first view's zoom, too small to read");
            columns.Add(area.X);
        }

        Assert.Equal(columns.Order(), columns);
        await page.GetByTestId("band-toggle").ClickAsync();
        await Assertions.Expect(Node(page, "end-approved")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-band=follow-up]")).ToContainTextAsync(FoldedCount());
        await Assertions.Expect(page.GetByTestId("band-toggle")).ToHaveTextAsync("展开「办结与后续」");
        await page.ScreenshotAsync("designer-follow-up-folded");
        await page.GetByTestId("band-toggle").ClickAsync();
        await Assertions.Expect(Node(page, "end-approved")).ToBeVisibleAsync();
        await Node(page, "second-review").ClickAsync();
        await page.Locator(".palette-item[data-type=human-task]").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForTimeoutAsync(1500);
        Assert.Equal(0, await definitions.DraftVersionAsync());
        await Assertions.Expect(page.GetByTestId("version")).ToContainTextAsync("已发布");
    }

    [Fact]
    public async Task Condition_builder_writes_the_expression_and_syntax_errors_show_on_the_step()
    {
        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var original = await definitions.PublishedAsync();
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        try
        {
            await page.GotoAsync("/designer?id=change-subject");
            await page.Locator(".palette-item[data-type=decision]").ClickAsync();
            await PlaceAsync(page);
            await Node(page, "decision-1").ClickAsync();
            var panel = page.GetByTestId("property-panel");
            await panel.GetByRole(AriaRole.Button, new() { Name = "添加条件" }).ClickAsync();
            await panel.GetByLabel("field").SelectOptionAsync("order.subject.province");
            await panel.GetByLabel("value").SelectOptionAsync("310000");
            await Assertions.Expect(panel.Locator(".expression-preview")).ToHaveTextAsync("order.subject.province === '310000'");

            await panel.GetByText("高级：直接编辑表达式").ClickAsync();
            await panel.GetByLabel("expression").FillAsync("order.subject.province ===");

            await Assertions.Expect(panel.GetByTestId("expression-error")).ToContainTextAsync("1:");
            await Assertions.Expect(Node(page, "decision-1")).ToContainTextAsync("表达式错误");
            await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("草稿已保存");
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task Undo_redo_copy_paste_and_delete_edit_the_graph()
    {
        var definitions = await Definitions.ForAsync(_app, "change-website");
        var original = await definitions.PublishedAsync();
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        try
        {
            await page.GotoAsync("/designer?id=change-website");
            await page.Locator(".palette-item[data-type=end]").ClickAsync();
            await PlaceAsync(page);
            await Assertions.Expect(Node(page, "end-1")).ToBeVisibleAsync();
            await Button("撤销").ClickAsync();
            await Assertions.Expect(Node(page, "end-1")).ToHaveCountAsync(0);
            await Button("重做").ClickAsync();
            await Node(page, "end-1").ClickAsync();
            await Button("复制").ClickAsync();
            await Button("粘贴").ClickAsync();
            await Assertions.Expect(Node(page, "end-2")).ToBeVisibleAsync();
            await Node(page, "end-2").ClickAsync();
            await Button("删除").ClickAsync();

            await Assertions.Expect(Node(page, "end-2")).ToHaveCountAsync(0);
            await Assertions.Expect(Node(page, "end-1")).ToContainTextAsync("无法到达");
            await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("草稿已保存");
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task Return_reasons_are_ticked_from_the_catalogue_and_a_code_outside_it_is_flagged()
    {
        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var original = await definitions.PublishedAsync();
        var withUnknown = original.DeepClone().AsObject();
        withUnknown["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["reasonCodes"] = new JsonArray("no-such-reason");
        await definitions.SaveDraftAsync(withUnknown);
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        try
        {
            await page.GotoAsync("/designer?id=change-subject");
            await SelectAsync(page, "review");
            var panel = page.GetByTestId("property-panel");
            await Assertions.Expect(panel.GetByTestId("reason-unknown")).ToContainTextAsync("no-such-reason");
            await Assertions.Expect(panel.Locator("[data-property=reasonCodes] .field-error")).ToContainTextAsync("no-such-reason");
            await Assertions.Expect(Node(page, "review").GetByTestId("error-badge")).ToBeVisibleAsync();

            await panel.Locator("input[data-reason=no-such-reason]").ClickAsync();
            await Assertions.Expect(panel.GetByTestId("reason-unknown")).ToHaveCountAsync(0);
            await panel.Locator("input[data-reason=certificate-unclear]").CheckAsync();
            await panel.Locator("input[data-reason=certificate-expired]").CheckAsync();

            await Assertions.Expect(page.GetByTestId("error-count")).ToHaveTextAsync("校验通过");
            await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("草稿已保存");
            await page.ScreenshotAsync("designer-reason-codes");
            var review = (await definitions.LatestAsync())["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!;
            Assert.Equal(["certificate-unclear", "certificate-expired"], review["properties"]!["reasonCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task Designer_page_sends_the_signed_out_to_sign_in()
    {
        var response = await _app.Anonymous().GetAsync("/designer");

        Assert.Equal("/sign-in?ReturnUrl=%2Fdesigner", response.RequestMessage!.RequestUri!.PathAndQuery);
    }

    private async Task<int> OrderFieldCountAsync()
    {
        var compliance = await _app.SignedInAs("compliance");
        return (await compliance.GetAsync("/api/designer/reference").ExpectAsync(System.Net.HttpStatusCode.OK))["orderFields"]!.AsArray().Count;
    }

    /// <summary>A second compliance manager opens the designer, reads the request's changes and approves it.</summary>
    private static async Task ApproveInBrowserAsync(string id, string expectedChange, string note)
    {
        await using var second = await Browser.SignedInAsync("compliance2");
        var page = second.Page;
        await page.GotoAsync("/designer");
        await page.GetByLabel("pending-approvals").SelectOptionAsync(id);
        await page.GetByTestId("approval-banner").GetByRole(AriaRole.Button, new() { Name = "查看并审批" }).ClickAsync();
        var panel = page.GetByTestId("approval-panel");
        await Assertions.Expect(panel.GetByTestId("approval-changes")).ToContainTextAsync(expectedChange);
        await Assertions.Expect(panel.GetByTestId("diff-graph-new").Locator(".react-flow__node[data-id=\"human-task-1\"] .diff-added")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("diff-graph-old").Locator(".react-flow__edge[data-id=\"review|approve|submit\"]")).ToHaveClassAsync(EdgeRemoved());
        await panel.GetByLabel("approval-note").FillAsync(note);
        await page.ScreenshotAsync("designer-approval");
        await panel.GetByRole(AriaRole.Button, new() { Name = "批准发布" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("已发布");
        await Assertions.Expect(page.GetByTestId("approval-banner")).ToHaveCountAsync(0);
    }

    /// <summary>Places the type picked in the palette at the canvas' top-left corner, where no activity is drawn.</summary>
    private static Task PlaceAsync(IPage page) =>
        page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 12, Y = 12 } });

    private static ILocator Node(IPage page, string activityId) => page.Locator($".react-flow__node[data-id=\"{activityId}\"]");

    /// <summary>Selects a step by its header (its middle may hold an outcome's handle) and waits until the property panel shows it.</summary>
    private static async Task SelectAsync(IPage page, string activityId)
    {
        await Node(page, activityId).ClickAsync(new() { Position = new() { X = 12, Y = 8 } });
        await Assertions.Expect(page.GetByTestId("property-panel").GetByLabel("编号", new() { Exact = true })).ToHaveValueAsync(activityId);
    }

    [GeneratedRegex(@"已折叠（\d+）")]
    private static partial Regex FoldedCount();

    [GeneratedRegex("edge-removed")]
    private static partial Regex EdgeRemoved();

    [GeneratedRegex("时限")]
    private static partial Regex TimeLimit();
}
