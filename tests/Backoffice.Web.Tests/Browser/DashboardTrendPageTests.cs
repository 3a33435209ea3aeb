using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Dashboard;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// /dashboard in Chromium as a manager: the headline figures beside the previous period and the same period last
/// year, with the changes and each share's colour against its target told in words too, in Chinese and English.
/// Data of DashboardTrendTests four weeks later (2–15 October 2023, 18 September – 1 October 2023, 2–15 October 2022).
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DashboardTrendPageTests
{
    [Fact]
    public async Task A_manager_sees_each_headline_beside_the_previous_period_and_last_year()
    {
        await DashboardTrendTests.SeedAsync(28);
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.GotoAsync("/dashboard?from=2023-10-02&to=2023-10-15");
        var trend = page.Locator("[data-testid=dashboard-trend]");
        await Assertions.Expect(trend.Locator("thead th")).ToHaveTextAsync(
            [new Regex("指标"), new Regex("本期\\s*2023-10-02 ~ 2023-10-15"), new Regex("上期\\s*2023-09-18 ~ 2023-10-01"), new Regex("较上期"),
             new Regex("去年同期\\s*2022-10-02 ~ 2022-10-15"), new Regex("较去年同期"), new Regex("目标")]);

        var rate = trend.Locator("tr[data-headline='通过率']");
        await Assertions.Expect(rate.Locator("[data-testid=trend-current]")).ToHaveTextAsync("50.0%（未达标）");
        await Assertions.Expect(rate.Locator("[data-testid=trend-current]")).ToHaveClassAsync(new Regex("rag-red"));
        await Assertions.Expect(rate.Locator("[data-testid=trend-previous]")).ToHaveTextAsync("100.0%（达标）");
        await Assertions.Expect(rate.Locator("[data-testid=trend-previous]")).ToHaveClassAsync(new Regex("rag-green"));
        await Assertions.Expect(rate.Locator("[data-testid=trend-change-previous]")).ToHaveTextAsync("-50.0%");
        await Assertions.Expect(rate.Locator("[data-testid=trend-last-year]")).ToHaveTextAsync("66.7%（未达标）");
        await Assertions.Expect(rate.Locator("[data-testid=trend-change-last-year]")).ToHaveTextAsync("-16.7%");
        var submitted = trend.Locator("tr[data-headline='提交']");
        await Assertions.Expect(submitted.Locator("[data-testid=trend-current]")).ToHaveTextAsync("2");
        await Assertions.Expect(submitted.Locator("[data-testid=trend-change-last-year]")).ToHaveTextAsync("-1");
        await page.ScreenshotAsync("dashboard-trend");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/dashboard?from=2023-10-02&to=2023-10-15&lang=en");
        var english = page.Locator("[data-testid=dashboard-trend]");
        await Assertions.Expect(english.Locator("thead th").Nth(2)).ToContainTextAsync("Previous period");
        await Assertions.Expect(english.Locator("tr[data-headline='Approval rate'] [data-testid=trend-previous]")).ToHaveTextAsync("100.0% (on target)");
        await page.ScreenshotAsync("dashboard-trend-en");
    }
}
