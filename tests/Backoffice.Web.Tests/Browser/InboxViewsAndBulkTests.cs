using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The inbox as reviewers and team leads use it: the website and received-at columns and the columns one
/// chooses, the done tab with outcome and on time / late, saved views personal and shared, and bulk
/// actions on ticked tasks with what failed said per task.
/// </summary>
public sealed partial class InboxViewsAndBulkTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Rows_show_website_domain_and_received_time_and_columns_can_be_hidden()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var order = await flow.GetAsync();
        var number = order["orderNumber"]!.GetValue<string>();
        var domain = order["websites"]![0]!["domains"]![0]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/inbox?tab=team&order={number}");
        var row = page.Locator("[data-testid=task-row]");
        await Assertions.Expect(row.Locator("[data-testid=website]")).ToContainTextAsync("测试科技官网");
        await Assertions.Expect(row.Locator("[data-testid=website]")).ToContainTextAsync(domain);
        Assert.Matches(ChinaTime(), await row.Locator("[data-testid=received]").InnerTextAsync());
        await Assertions.Expect(row.Locator("[data-testid=age]")).ToHaveTextAsync(new Regex("^(刚收到|已等待 \\d+ 分钟)$"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("inbox-columns");

        await page.ClickAsync("[data-testid=columns] summary");
        await page.UncheckAsync("[data-testid=col-subject]");
        await page.UncheckAsync("[data-testid=col-province]");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=column-subject]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=column-province]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=column-website]")).ToHaveCountAsync(1);
        Assert.DoesNotContain("深圳市测试科技有限公司", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("inbox-columns-chosen");
    }

    [Fact]
    public async Task The_done_tab_shows_the_outcome_by_its_label_and_whether_it_was_on_time()
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var onTime = await Flow.SubmittedAsync(_app);
        var late = await Flow.SubmittedAsync(_app);
        await onTime.CompleteAsync("approve", reviewer);
        await late.CompleteAsync("return", reviewer, "certificate-unclear");
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync("update review_tasks set due_at = completed_at - interval '2 hours' where order_id = @id", new { id = Guid.Parse(late.Id) });
        var numbers = (Number: (await onTime.GetAsync())["orderNumber"]!.GetValue<string>(), Late: (await late.GetAsync())["orderNumber"]!.GetValue<string>());
        await using var session = await Browser.SignedInAsync(reviewer);
        var page = session.Page;

        await page.GotoAsync("/inbox?tab=done");
        var onTimeRow = page.Locator("[data-testid=task-row]", new() { HasText = numbers.Number });
        var lateRow = page.Locator("[data-testid=task-row]", new() { HasText = numbers.Late });
        await Assertions.Expect(onTimeRow.Locator("[data-testid=outcome]")).ToHaveTextAsync("通过");
        await Assertions.Expect(onTimeRow.Locator("[data-testid=on-time]")).ToHaveTextAsync("按时");
        await Assertions.Expect(lateRow.Locator("[data-testid=outcome]")).ToHaveTextAsync("退回");
        await Assertions.Expect(lateRow.Locator("[data-testid=on-time]")).ToHaveTextAsync("逾期");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("approve", text, StringComparison.Ordinal);
        Assert.DoesNotContain("return", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=bulk]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=age]").CountAsync());
        await page.ScreenshotAsync("inbox-done");
    }

    [Fact]
    public async Task A_lead_shares_a_view_that_members_apply_and_a_reviewer_keeps_his_own()
    {
        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        var member = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        await using (var leadSession = await Browser.SignedInAsync(lead))
        {
            var page = leadSession.Page;
            await page.GotoAsync("/inbox?tab=team&province=440000&sort=latest&cols=website&cols=step&cols=holder&cols=received&cols=sla");
            await page.ClickAsync("[data-testid=save-view] summary");
            await page.FillAsync("[data-testid=view-name]", "广东队列");
            await page.SelectOptionAsync("[data-testid=view-team]", "initial-review");
            await page.ClickAsync("[data-testid=save-view-button]");
            await Assertions.Expect(page.Locator("[data-testid=view].current")).ToContainTextAsync("广东队列");
            await Assertions.Expect(page.Locator("[data-testid=view].current")).ToContainTextAsync("共享给 初审组");
            await Assertions.Expect(page.Locator("select[name=province]")).ToHaveValueAsync("440000");
            await page.ScreenshotAsync("inbox-saved-views-lead");
        }

        await using var session = await Browser.SignedInAsync(member);
        var memberPage = session.Page;
        await memberPage.GotoAsync("/inbox");
        var shared = memberPage.Locator("[data-testid=view]", new() { HasText = "广东队列" });
        await Assertions.Expect(shared.Locator("[data-testid=delete-view]")).ToHaveCountAsync(0);
        await Assertions.Expect(memberPage.Locator("[data-testid=view-team] option")).ToHaveCountAsync(1);
        await shared.Locator("[data-testid=apply-view]").ClickAsync();
        await Assertions.Expect(memberPage.Locator("[data-testid=tab-team]")).ToHaveClassAsync("current");
        await Assertions.Expect(memberPage.Locator("select[name=province]")).ToHaveValueAsync("440000");
        await Assertions.Expect(memberPage.Locator("select[name=sort]")).ToHaveValueAsync("latest");
        await Assertions.Expect(memberPage.Locator("[data-testid=col-subject]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(memberPage.Locator("[data-testid=column-subject]")).ToHaveCountAsync(0);
        await memberPage.ScreenshotAsync("inbox-saved-views-reviewer");

        await memberPage.GotoAsync("/inbox?tab=overdue");
        await memberPage.ClickAsync("[data-testid=save-view] summary");
        await memberPage.FillAsync("[data-testid=view-name]", "我的超时");
        await memberPage.ClickAsync("[data-testid=save-view-button]");
        var own = memberPage.Locator("[data-testid=view]", new() { HasText = "我的超时" });
        await Assertions.Expect(own).ToHaveClassAsync(new Regex("current"));
        await own.Locator("[data-testid=delete-view]").ClickAsync();
        await Assertions.Expect(memberPage.Locator("[data-testid=view]", new() { HasText = "我的超时" })).ToHaveCountAsync(0);
        await Assertions.Expect(memberPage.Locator("[data-testid=view]", new() { HasText = "广东队列" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Ticked_tasks_are_claimed_and_reassigned_together_and_each_failure_is_named()
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var other = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync("update users set display_name = '审核员丁' where username = @other", new { other });
        await db.ExecuteAsync("update users set display_name = '审核员戊' where username = @reviewer", new { reviewer });
        var flows = new[] { await Flow.SubmittedAsync(_app), await Flow.SubmittedAsync(_app), await Flow.SubmittedAsync(_app) };
        var numbers = new List<string>();
        foreach (var flow in flows)
        {
            numbers.Add((await flow.GetAsync())["orderNumber"]!.GetValue<string>());
        }

        await (await _app.SignedInAs(other)).PostEmptyAsync($"/api/tasks/{(await flows[1].OpenTaskAsync(other))["id"]}/claim");
        await using (var session = await Browser.SignedInAsync(reviewer))
        {
            var page = session.Page;
            await page.GotoAsync("/inbox?tab=team&sort=latest");
            Assert.Equal(0, await page.Locator("[data-testid=bulk-reassign]").CountAsync());
            foreach (var number in numbers)
            {
                await page.CheckAsync($"input[aria-label='{number}']");
            }

            await Assertions.Expect(page.Locator("[data-testid=ticked]")).ToHaveTextAsync("已勾选 3 个任务：");
            await page.ClickAsync("[data-testid=bulk-claim]");
            await Assertions.Expect(page.Locator("[data-testid=bulk-failure]")).ToHaveTextAsync($"订单 {numbers[1]}：该任务已被 审核员丁 领取。");
            await page.Locator("[data-testid=toast]").GetByText("已领取 2 个任务。1 个未成功，原因见下。").WaitForAsync();
            await Assertions.Expect(Row(page, numbers[0]).Locator("[data-testid=holder]")).ToHaveTextAsync("审核员戊");
            await Assertions.Expect(Row(page, numbers[2]).Locator("[data-testid=holder]")).ToHaveTextAsync("审核员戊");
            await page.ScreenshotAsync("inbox-bulk-reviewer");
        }

        await using var leadSession = await Browser.SignedInAsync(lead);
        var leadPage = leadSession.Page;
        await leadPage.GotoAsync("/inbox?tab=team&sort=latest");
        await leadPage.CheckAsync($"input[aria-label='{numbers[0]}']");
        await leadPage.CheckAsync($"input[aria-label='{numbers[2]}']");
        await leadPage.SelectOptionAsync("[data-testid=bulk-assignee]", new SelectOptionValue { Label = "审核员丁" });
        await leadPage.ClickAsync("[data-testid=bulk-reassign]");
        await leadPage.Locator("[data-testid=toast]").GetByText("已改派 2 个任务。").WaitForAsync();
        await Assertions.Expect(Row(leadPage, numbers[0]).Locator("[data-testid=holder]")).ToHaveTextAsync("审核员丁");
        await Assertions.Expect(Row(leadPage, numbers[2]).Locator("[data-testid=holder]")).ToHaveTextAsync("审核员丁");
        await Assertions.Expect(leadPage.Locator("[data-testid=bulk-failure]")).ToHaveCountAsync(0);
        await leadPage.AssertAccessibleAsync();
        await leadPage.ScreenshotAsync("inbox-bulk-lead");
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'task-reassigned' and actor = @lead", new { lead }));

        await leadPage.SetViewportSizeAsync(390, 844);
        await leadPage.ReloadAsync();
        Assert.True(await leadPage.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the inbox scrolls sideways at 390 px");
        await leadPage.ScreenshotAsync("narrow-inbox-lead");
        await leadPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ResultsDirectory(), "screenshots", "narrow-inbox-lead-top.png") });
    }

    private static ILocator Row(IPage page, string number) => page.Locator("[data-testid=task-row]", new() { HasText = number });

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex ChinaTime();
}
