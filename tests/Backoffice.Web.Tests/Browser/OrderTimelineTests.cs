using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed partial class OrderTimelineTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_returned_order_reads_as_business_events_by_stage_under_a_line_saying_where_it_is()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.CompleteAsync("return", "reviewer", "certificate-unclear");
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/orders/{flow.Id}");
        var now = await page.InnerTextAsync("[data-testid=order-now]");
        Assert.Contains("当前：已退回", now);
        Assert.Contains("申请人：修改后重新提交", now);
        Assert.Matches(ChinaStamp(), now);

        var stages = page.Locator("[data-testid=timeline-stage] h3");
        Assert.Equal(["草稿", "已提交", "初审中", "已退回"], (await stages.AllInnerTextsAsync()).Select(s => s.Split(' ')[0]));
        var timeline = await page.InnerTextAsync("[data-testid=timeline]");
        Assert.Contains("申请人创建订单", timeline);
        Assert.Contains("上传材料：营业执照", timeline);
        Assert.Contains("申请人提交订单", timeline);
        Assert.Contains("审核员甲：初审：核对主体、网站与证件材料 — 退回", timeline);
        Assert.Contains("证件图片不清晰或不完整", timeline);
        Assert.DoesNotMatch(IsoStamp(), timeline);
        Assert.Equal(0, await page.Locator("[data-testid=technical-details]").CountAsync());
        await page.ScreenshotAsync("order-timeline-returned");
    }

    [Fact]
    public async Task Compliance_opens_the_engine_journal_behind_technical_details_in_China_time()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;

        await page.GotoAsync($"/orders/{flow.Id}");
        var details = page.Locator("[data-testid=technical-details]");
        Assert.False(await details.Locator("table").IsVisibleAsync());
        await details.Locator("summary").ClickAsync();
        var journal = await details.InnerTextAsync();
        Assert.Contains("初审", journal);
        Assert.DoesNotMatch(IsoStamp(), journal);
        Assert.Matches(@"due \d{4}-\d{2}-\d{2} \d{2}:\d{2}", journal);
        Assert.Contains("申请人（控制台）", journal);
        Assert.DoesNotContain("console", journal);
        await page.ScreenshotAsync("order-technical-details");
    }

    [Fact]
    public async Task The_task_page_says_which_team_the_order_waits_for_and_who_holds_it_by_name()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/tasks/{taskId}");
        var now = page.Locator("[data-testid=order-now]");
        await Assertions.Expect(now).ToContainTextAsync("当前：初审中");
        await Assertions.Expect(now).ToContainTextAsync("初审组");
        await Assertions.Expect(now).ToContainTextAsync("待领取");

        await page.ClickAsync("[data-testid=claim]");
        await page.WaitForSelectorAsync("[data-testid=complete]");
        await Assertions.Expect(page.Locator("[data-testid=task-holder]")).ToHaveTextAsync("审核员甲");
        await Assertions.Expect(now).ToContainTextAsync("审核员甲处理中");
        await page.ScreenshotAsync("task-now-line");
    }

    [Fact]
    public async Task A_bureau_rejection_among_the_returns_is_named_in_the_page_language()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("rejected", "domain-holder-mismatch");
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/orders/{flow.Id}");
        await Assertions.Expect(page.Locator("[data-testid=returns]")).ToContainTextAsync("管局退回");
        var timeline = await page.InnerTextAsync("[data-testid=timeline]");
        Assert.Contains("提交管局（第 1 次）", timeline);
        Assert.Contains("管局已发送短信核验，等待负责人回复", timeline);
        var stages = page.Locator("[data-testid=timeline-stage]");
        for (var i = 0; i < await stages.CountAsync() - 1; i++)
        {
            Assert.True(await stages.Nth(i).Locator("[data-testid=timeline-line]").CountAsync() > 0,
                $"stage {await stages.Nth(i).Locator("h3").InnerTextAsync()} has no event under it");
        }

        await page.Context.AddCookiesAsync([new Cookie { Name = "backoffice.lang", Value = "en", Url = TestApp.Instance.Address }]);
        await page.GotoAsync($"/orders/{flow.Id}");
        var returns = await page.InnerTextAsync("[data-testid=returns]");
        Assert.Contains("Rejected by the bureau", returns);
        Assert.DoesNotContain("管局审核", returns);
        Assert.Contains("Submitted to the bureau (submission 1)", await page.InnerTextAsync("[data-testid=timeline]"));
        await page.ScreenshotAsync("order-returns-bureau-en");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\+00:00")]
    private static partial Regex IsoStamp();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex ChinaStamp();
}
