using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// A publication request as the second compliance manager reads it in the designer: its author by name, every
/// changed step outlined on both graphs, and a banner that follows a decision made elsewhere.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed partial class DesignerApprovalTests
{
    private const string Id = "deregister-subject";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Request_names_its_author_and_outlines_a_step_whose_outcome_only_goes_elsewhere_on_both_graphs()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        try
        {
            await definitions.SaveDraftAsync(WithLegalReview(original));
            var candidate = await RequestAsync(definitions, "注销主体前增加法务复核");
            await using var session = await Browser.SignedInAsync("compliance2");
            var page = session.Page;
            await page.GotoAsync($"/designer?id={Id}");
            var banner = page.GetByTestId("approval-banner");
            await Assertions.Expect(banner).ToContainTextAsync($"v{candidate} 等待审批 · 申请人 合规经理 · 注销主体前增加法务复核");
            Assert.DoesNotContain("compliance", await banner.InnerTextAsync(), StringComparison.Ordinal);

            await banner.GetByRole(AriaRole.Button, new() { Name = "查看并审批" }).ClickAsync();
            var panel = page.GetByTestId("approval-panel");
            await Assertions.Expect(panel.GetByTestId("approval-changes")).ToContainTextAsync("接入商审核 · 「通过」去向 提交管局 → 法务复核");
            await Assertions.Expect(panel.GetByTestId("request")).ToContainTextAsync("申请人 合规经理 · ");
            Assert.Matches(ChinaMinute(), await panel.GetByTestId("request").InnerTextAsync());
            Assert.DoesNotContain("compliance", await panel.GetByTestId("request").InnerTextAsync(), StringComparison.Ordinal);
            foreach (var side in new[] { "diff-graph-old", "diff-graph-new" })
            {
                await Assertions.Expect(Step(panel.GetByTestId(side), "review").Locator(".activity")).ToHaveClassAsync(Changed());
                await Assertions.Expect(Step(panel.GetByTestId(side), "submit").Locator(".activity")).Not.ToHaveClassAsync(AnyDiffMark());
            }

            await Assertions.Expect(Step(panel.GetByTestId("diff-graph-new"), "legal-review").Locator(".activity")).ToHaveClassAsync(Added());
            await page.ScreenshotAsync("designer-approval-request");

            await panel.GetByLabel("approval-note").FillAsync("法务复核已确认");
            await panel.GetByRole(AriaRole.Button, new() { Name = "批准发布" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("已发布");
            await page.GetByRole(AriaRole.Button, new() { Name = "版本历史" }).ClickAsync();
            var row = page.GetByTestId("history").Locator($"tr[data-version='{candidate}']");
            await Assertions.Expect(row).ToContainTextAsync("合规经理 → 合规经理乙");
            Assert.DoesNotContain("compliance", await page.GetByTestId("history").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Matches(ChinaMinute(), await row.InnerTextAsync());
            await page.ScreenshotAsync("designer-history-names");
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Banner_on_an_open_page_follows_a_decision_and_a_request_made_elsewhere_without_a_reload()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        var admin = await _app.SignedInAs("admin");
        try
        {
            await definitions.SaveDraftAsync(WithLegalReview(original));
            var first = await RequestAsync(definitions, "第一次申请");
            await using var session = await Browser.SignedInAsync("compliance2");
            var page = session.Page;
            await page.GotoAsync($"/designer?id={Id}");
            var banner = page.GetByTestId("approval-banner");
            await Assertions.Expect(banner).ToContainTextAsync("第一次申请");
            await page.EvaluateAsync("() => { window.sameDocument = true; }");

            await definitions.ApproveAsync(first, "管理员批准", admin).ExpectAsync(HttpStatusCode.OK);
            await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 25_000 });
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync($"v{first} 已发布 · 系统管理员");
            await Assertions.Expect(page.GetByTestId("version")).ToContainTextAsync($"v{first} 已发布");
            await page.ScreenshotAsync("designer-banner-after-decision-elsewhere");

            var edited = (await definitions.PublishedAsync()).DeepClone().AsObject();
            edited["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["sla"] =
                new JsonObject { ["amount"] = 2, ["unit"] = "working-days" };
            await definitions.SaveDraftAsync(edited);
            var second = await RequestAsync(definitions, "第二次申请");
            await Assertions.Expect(banner).ToContainTextAsync($"v{second} 等待审批 · 申请人 合规经理 · 第二次申请", new() { Timeout = 25_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    /// <summary>The definition with 法务复核 after the provider's review: the review's 「通过」 now goes there, nothing else of it changes.</summary>
    private static JsonObject WithLegalReview(JsonObject published) =>
        Definitions.WithStepAfter(published, "review", "approve", Definitions.HumanTask("legal-review", "法务复核", "second-review", 2), "notify-returned");

    private static async Task<int> RequestAsync(Definitions definitions, string note) =>
        (await definitions.PublishAsync(note).ExpectAsync(HttpStatusCode.Accepted))["version"]!.GetValue<int>();

    private static ILocator Step(ILocator graph, string id) => graph.Locator($".react-flow__node[data-id=\"{id}\"]");

    [GeneratedRegex(@"\b20\d\d-\d\d-\d\d \d\d:\d\d\b")]
    private static partial Regex ChinaMinute();

    [GeneratedRegex(@"\bdiff-changed\b")]
    private static partial Regex Changed();

    [GeneratedRegex(@"\bdiff-added\b")]
    private static partial Regex Added();

    [GeneratedRegex("diff-")]
    private static partial Regex AnyDiffMark();
}
