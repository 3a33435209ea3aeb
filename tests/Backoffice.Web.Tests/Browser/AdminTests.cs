using System.Net;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartz;

namespace Backoffice.Web.Tests.Browser;

public sealed class AdminTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Compliance_adds_a_return_reason_that_reviewers_can_then_pick()
    {
        var code = $"t-{Guid.NewGuid():N}"[..20];
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.GotoAsync("/admin/reasons");

        await page.FillAsync("#Code", "Bad Code!");
        await page.FillAsync("#LabelZh", "测试原因");
        await page.FillAsync("#LabelEn", "Test reason");
        await page.FillAsync("#Sort", "900");
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("main form").First).ToContainTextAsync("小写字母");

        await page.FillAsync("#Code", code);
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("[data-testid=saved]")).ToContainTextAsync(code);
        await page.ScreenshotAsync("admin-reasons");

        var reviewer = await _app.SignedInAs("reviewer");
        var codes = await reviewer.GetAsync("/api/reason-codes").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(codes.AsArray(), c => c!["code"]!.GetValue<string>() == code && c["label"]!.GetValue<string>() == "测试原因");
    }

    [Fact]
    public async Task Admin_puts_a_user_in_a_team_and_edits_the_calendar_refusing_a_weekday_as_adjusted_working_day()
    {
        var username = $"u{Guid.NewGuid():N}"[..16];
        await using var session = await Browser.SignedInAsync("admin");
        var page = session.Page;
        await page.GotoAsync("/admin/users");
        await page.FillAsync("#Username", username);
        await page.FillAsync("#DisplayName", "新审核员");
        await page.CheckAsync("input[name=UserRoles][value=reviewer]");
        await page.FillAsync("#Password", "Longer-Passw0rd");
        await page.ClickAsync("form[action*=save] button.primary");
        await Assertions.Expect(page.Locator($"tr:has-text('{username}')")).ToHaveCountAsync(1);
        await page.FillAsync("input[name=username]", username);
        await page.SelectOptionAsync("select[name=team]", "second-review");
        await page.ClickAsync("form[action*=member] button.primary");
        await Assertions.Expect(page.Locator($"tr:has-text('{username}')")).ToContainTextAsync("复审组");
        await page.ScreenshotAsync("admin-users");

        await page.GotoAsync("/admin/calendar?year=2099");
        var nextYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, global::Backoffice.Workflows.Clock.ChinaTime.Zone).Year + 1;
        Assert.Contains($"{nextYear}", await page.TextContentAsync("#missing-years"));
        Assert.DoesNotContain("2025", await page.TextContentAsync("#missing-years"));
        await page.FillAsync("#Date", "2099-03-04");
        await page.SelectOptionAsync("#Kind", "workday");
        await page.FillAsync("#Name", "测试调休");
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("main form").First).ToContainTextAsync("调休上班日须为周六或周日");

        await page.SelectOptionAsync("#Kind", "holiday");
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("测试调休");
        Assert.False(await WorkingDaySchedulesIncludeAsync(new DateOnly(2099, 3, 4)));
        await page.ScreenshotAsync("admin-calendar");
        await page.ClickAsync("tr:has-text('测试调休') button");
        await Assertions.Expect(page.Locator("tr:has-text('测试调休')")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync();
        Assert.DoesNotContain("测试调休", await page.ContentAsync());
        Assert.True(await WorkingDaySchedulesIncludeAsync(new DateOnly(2099, 3, 4)));

        await using var connection = await TestApp.OpenDatabaseAsync();
        var actions = await connection.QueryAsync<string>(
            "select action from audit_log where actor = 'admin' and entity_id in (@username, '2099-03-04') order by id", new { username });
        Assert.Equal(["user-created", "team-member-saved", "calendar-day-saved", "calendar-day-deleted"], actions);
    }

    /// <summary>Whether Quartz's working-day calendar, which the working-day schedules follow, lets a trigger fire at 10:00 that day.</summary>
    private async Task<bool> WorkingDaySchedulesIncludeAsync(DateOnly day)
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var calendar = (await scheduler.GetCalendar(WorkingDayQuartzCalendar.Name))!;
        return calendar.IsTimeIncluded(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
    }
}
