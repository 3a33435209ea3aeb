using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Reports;
using Backoffice.Web.Tests.Dashboard;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// /dashboard in Chromium as a manager: the period picker, the three charts drawn by ECharts (SVG), the figures
/// equal to the workbooks' for the same period, drill-down links to the order list, and no accessibility violations.
/// Data in the second half of December 2025 (the API test has the first half). A team lead sees his team's
/// stages and escalations only (data of DashboardLeadTests).
/// </summary>
public sealed class DashboardPageTests
{
    [Fact]
    public async Task A_manager_picks_a_period_and_sees_charts_whose_figures_equal_the_workbooks()
    {
        await DashboardApiTests.SeedAsync(14);
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.ClickAsync("nav >> text=管理看板");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Assertions.Expect(page.Locator(".main-nav a[href='/dashboard']")).ToHaveTextAsync("管理看板");

        await page.FillAsync("[data-testid=dashboard-period] input[name=from]", "2025-12-15");
        await page.FillAsync("[data-testid=dashboard-period] input[name=to]", "2025-12-28");
        await page.ClickAsync("[data-testid=dashboard-period] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("from=2025-12-15", StringComparison.Ordinal) && url.Contains("to=2025-12-28", StringComparison.Ordinal));
        foreach (var chart in new[] { "#chart-stages", "#chart-weeks", "#chart-provinces" })
        {
            await page.Locator($"{chart} svg").WaitForAsync();
            Assert.True(await page.Locator($"{chart} svg path").CountAsync() > 0, $"{chart} draws nothing");
        }

        await page.ScreenshotAsync("dashboard");
        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 12, 15), To = new DateOnly(2025, 12, 28), GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow,
        };
        using var sla = await Workbooks.BuildAsync(Report.Sla, parameters);
        using var bureau = await Workbooks.BuildAsync(Report.BureauResults, parameters);
        var stageShare = sla.Worksheet("按环节").Row("初审").Cell(5).GetDouble();
        Assert.Equal(stageShare.ToString("0.0%", CultureInfo.InvariantCulture),
            (await page.Locator("[data-stage=initial-review] [data-testid=share-within-sla]").TextContentAsync())!.Trim());
        var approval = bureau.Worksheet("按省份").Row("甘肃").Cell(6).GetDouble();
        Assert.Equal(approval.ToString("0.0%", CultureInfo.InvariantCulture),
            (await page.Locator("[data-province='620000'] [data-testid=approval-rate]").TextContentAsync())!.Trim());
        Assert.Equal("50.0%", (await page.Locator("[data-province='620000'] [data-testid=approval-rate]").TextContentAsync())!.Trim());

        await page.AssertAccessibleAsync();
        await page.ClickAsync("[data-province='620000'] a");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/orders\?province=620000"));
        await Assertions.Expect(page.Locator("select[name=province]")).ToHaveValueAsync("620000");
    }

    [Fact]
    public async Task A_lead_sees_the_dashboard_of_his_team_only_with_the_workbooks_figures()
    {
        await DashboardLeadTests.SeedAsync();
        var lead = await Support.StaffPages.NewAccountAsync(["team-lead", "reviewer"], "verification");
        await using var session = await Browser.SignedInAsync(lead);
        var page = session.Page;
        var entry = page.Locator(".main-nav a[href='/dashboard']");
        await Assertions.Expect(entry).ToHaveTextAsync("本组看板");
        await Assertions.Expect(page.Locator(".main-nav")).Not.ToContainTextAsync("管理看板");
        await entry.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("本组看板");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-team] option")).ToHaveCountAsync(2);
        Assert.Equal(["", "verification"], await page.Locator("[data-testid=dashboard-team] option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));

        await page.FillAsync("[data-testid=dashboard-period] input[name=from]", "2024-02-05");
        await page.FillAsync("[data-testid=dashboard-period] input[name=to]", "2024-02-18");
        await page.ClickAsync("[data-testid=dashboard-period] button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?=.*from=2024-02-05)(?=.*to=2024-02-18)"));
        await page.Locator("#chart-stages svg").WaitForAsync();
        Assert.True(await page.Locator("#chart-stages svg path").CountAsync() > 0, "the stage chart draws nothing");
        await page.ScreenshotAsync("dashboard-lead");

        Assert.Equal(["verification"], await page.Locator("[data-testid=dashboard-stages] tbody tr").EvaluateAllAsync<string[]>("r => r.map(x => x.dataset.stage)"));
        Assert.Equal(0, await page.Locator("#chart-weeks, #chart-provinces, [data-testid=dashboard-provinces]").CountAsync());
        using var sla = await Workbooks.BuildAsync(Report.Sla, DashboardLeadTests.Parameters("verification"));
        var stage = sla.Worksheet("按环节").Row("核验");
        Assert.Equal(
            [$"{stage.Cell(3).GetDouble()}", $"{stage.Cell(4).GetDouble()}", stage.Cell(5).GetDouble().ToString("0.0%", CultureInfo.InvariantCulture)],
            (await page.Locator("[data-stage=verification] td").AllTextContentsAsync()).Skip(1).Take(3).Select(t => t.Trim()));
        var escalated = sla.Worksheet("超时升级").Row("核验组", "核验");
        Assert.Equal(
            Enumerable.Range(3, 4).Select(c => $"{escalated.Cell(c).GetDouble()}"),
            (await page.Locator("[data-testid=dashboard-escalations] [data-team=verification] td").AllTextContentsAsync()).Skip(1).Select(t => t.Trim()));

        await page.AssertAccessibleAsync();
        var other = await page.GotoAsync("/dashboard?from=2024-02-05&to=2024-02-18&team=initial-review");
        Assert.Equal(404, other!.Status);
        await page.GotoAsync("/dashboard?from=2024-02-05&to=2024-02-18");
        await page.ClickAsync("[data-stage=verification] a");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/board$"));
    }
}
