using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class ReportsPageTests
{
    [Fact]
    public async Task A_manager_builds_a_report_in_the_background_watches_it_finish_and_downloads_it()
    {
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.ClickAsync("nav >> text=管理报表");

        await page.SelectOptionAsync("#Build_Kind", "bureau-results");
        await page.FillAsync("#Build_From", "2024-01-01");
        await page.FillAsync("#Build_To", "2024-01-31");
        await page.SelectOptionAsync("#Build_Province", "620000");
        await page.ClickAsync("[data-testid=build-in-background]");
        await page.WaitForSelectorAsync("[data-testid=saved]");
        var buildId = page.Url[(page.Url.IndexOf("#build-", StringComparison.Ordinal) + "#build-".Length)..];
        var row = page.Locator($"#build-{buildId}");
        Assert.Contains("2024-01-01 ~ 2024-01-31", await row.TextContentAsync());

        await row.Locator("[data-testid=build-download]").WaitForAsync();
        Assert.Contains("已完成", await row.Locator("[data-testid=build-status]").TextContentAsync());
        Assert.Equal("100", await row.Locator("progress").GetAttributeAsync("value"));
        await page.ScreenshotAsync("reports-archive");
        Assert.True(await page.Locator("[data-subscription]").CountAsync() > 0 || await page.Locator("[data-testid=no-subscriptions]").IsVisibleAsync(),
            "the subscriptions table is empty without a word");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=build-download]").ClickAsync());
        Assert.Equal("bureau-results-20240101-20240131-620000.xlsx", download.SuggestedFilename);
        using var book = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal("管局审核结果报表", book.Worksheet("封面").Cell(1, 1).GetString());

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where actor = 'management' and action = 'report-build-downloaded' and entity_id = @buildId", new { buildId }));
    }

    [Fact]
    public async Task A_manager_downloads_a_report_at_once_with_the_parameters_of_the_form()
    {
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.GotoAsync("/reports");

        await page.SelectOptionAsync("#Build_Kind", "public-security");
        Assert.False(await page.IsVisibleAsync("#Build_From"));
        await page.FillAsync("#Build_AsOf", "2024-02-29");
        await page.SelectOptionAsync("#Build_Lang", "en");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-now]"));

        Assert.Equal("public-security-20240229-en.xlsx", download.SuggestedFilename);
        using var book = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal("Public-security filing follow-up", book.Worksheet("Cover").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task A_manager_picks_weekdays_and_a_time_previews_the_next_five_runs_then_edits_and_deletes_the_subscription()
    {
        var recipient = $"boss-{Guid.NewGuid():N}"[..16] + "@example.com";
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.GotoAsync("/reports");
        Assert.Equal(0, await page.Locator("#Subscription_Cron").CountAsync());
        Assert.Equal(["每天", "每周", "每月"], await page.Locator("#Subscription_Frequency option").AllTextContentsAsync());

        await page.SelectOptionAsync("#Subscription_Kind", "sla");
        await page.SelectOptionAsync("#Subscription_Frequency", "weekly");
        Assert.False(await page.IsVisibleAsync("#Subscription_MonthDay"));
        await page.FillAsync("#Subscription_Time", "08:30");
        await page.FillAsync("#Subscription_Recipients", recipient);
        await page.ClickAsync("[data-testid=preview-runs]");
        await Assertions.Expect(page.Locator("#subscription-form")).ToContainTextAsync("请至少选择一天");

        await page.CheckAsync("input[name='Subscription.Weekdays'][value=mon]");
        await page.CheckAsync("input[name='Subscription.Weekdays'][value=fri]");
        await page.ClickAsync("[data-testid=preview-runs]");
        await Assertions.Expect(page.Locator("#next-runs li")).ToHaveCountAsync(5);
        var runs = await page.Locator("#next-runs li").AllTextContentsAsync();
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2} 08:30 (周一|周五)$", r));
        Assert.Contains("每周一、周五 08:30（仅工作日）", await page.TextContentAsync("#next-runs"));
        await page.ScreenshotAsync("reports-schedule-preview");

        await page.ClickAsync("#subscription-form button.primary");
        var row = page.Locator($"tr:has-text('{recipient}')");
        await Assertions.Expect(row).ToContainTextAsync("每周一、周五 08:30（仅工作日）");
        await Assertions.Expect(row).ToContainTextAsync(runs[0][..16]);
        await page.ScreenshotAsync("reports-subscriptions");

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("edit=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#Subscription_Frequency")).ToHaveValueAsync("weekly");
        await Assertions.Expect(page.Locator("input[name='Subscription.Weekdays'][value=fri]")).ToBeCheckedAsync();
        await page.SelectOptionAsync("#Subscription_Frequency", "monthly");
        await page.FillAsync("#Subscription_MonthDay", "15");
        await page.FillAsync("#Subscription_Time", "17:30");
        await page.ClickAsync("[data-testid=preview-runs]");
        await Assertions.Expect(page.Locator("#next-runs li")).ToHaveCountAsync(5);
        // Five monthly runs reach next year: without its holidays in the calendar, the preview says so.
        await using (var calendar = await TestApp.OpenDatabaseAsync())
        {
            var lastRun = (await page.Locator("#next-runs li").AllTextContentsAsync())[^1];
            var nextYearEntered = await calendar.ExecuteScalarAsync<bool>(
                "select exists (select 1 from calendar_days where kind = 'holiday' and extract(year from day) = @year)", new { year = int.Parse(lastRun[..4]) });
            Assert.Equal(!nextYearEntered, await page.Locator("[data-testid=calendar-missing]").CountAsync() == 1);
        }

        await page.ScreenshotAsync("reports-schedule-monthly");
        await page.UncheckAsync("#Subscription_WorkingDaysOnly");
        await page.ClickAsync("#subscription-form button.primary");
        await Assertions.Expect(row).ToContainTextAsync("每月 15 日 17:30");
        await Assertions.Expect(row).ToContainTextAsync("-15 17:30");

        await row.Locator("button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=saved]")).ToHaveTextAsync("订阅已删除。");
        Assert.Equal(0, await row.CountAsync());
        await using var db = await TestApp.OpenDatabaseAsync();
        var id = await db.ExecuteScalarAsync<string>(
            "select entity_id from audit_log where action = 'report-subscription-created' and details->'Recipients'->>0 = @recipient", new { recipient });
        Assert.Equal(
            ["report-subscription-created", "report-subscription-updated", "report-subscription-deleted"],
            await db.QueryAsync<string>("select action from audit_log where entity_id = @id order by id", new { id }));
    }

    [Fact]
    public async Task An_admin_schedules_with_a_quartz_cron_after_correcting_a_unix_one()
    {
        var recipient = $"ops-{Guid.NewGuid():N}"[..16] + "@example.com";
        await using var session = await Browser.SignedInAsync("admin");
        var page = session.Page;
        await page.GotoAsync("/reports");

        await page.SelectOptionAsync("#Subscription_Frequency", "cron");
        await page.FillAsync("#Subscription_Cron", "0 0 9 * *");
        await page.FillAsync("#Subscription_Recipients", recipient);
        await page.ClickAsync("#subscription-form button.primary");
        await Assertions.Expect(page.Locator("#subscription-form")).ToContainTextAsync("这是 5 个字段的 Unix cron");

        await page.FillAsync("#Subscription_Cron", "0 0 9 * * ?");
        await page.ClickAsync("#subscription-form button.primary");
        var row = page.Locator($"tr:has-text('{recipient}')");
        await Assertions.Expect(row).ToContainTextAsync("0 0 9 * * ?");
        await row.Locator("button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=saved]")).ToHaveTextAsync("订阅已删除。");
    }
}
