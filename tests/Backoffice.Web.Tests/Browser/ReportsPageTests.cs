using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;

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

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=build-download]").ClickAsync());
        Assert.Equal("bureau-results-20240101-20240131-620000.xlsx", download.SuggestedFilename);
        using var book = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal("管局审核结果报表", book.Worksheet("封面").Cell(1, 1).GetString());

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where actor = 'management' and action = 'report-build-downloaded' and entity_id = @buildId", new { buildId }));
    }
}
