using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;

namespace Backoffice.Web.Tests.Browser;

public sealed class BureauDeskTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_results_sheet_with_a_wrong_row_changes_nothing_and_the_corrected_sheet_applies()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("liaison");
        var page = session.Page;
        await page.GotoAsync("/bureau");

        await page.SetInputFilesAsync("[data-testid=results-file]", Sheet(
            (orderNumber, "短信核验通过", ""), ("BO00000000000000", "管局审核通过", ""), (orderNumber, "管局退回", "")));
        await page.ClickAsync("[data-testid=import]");
        var report = await page.TextContentAsync("[data-testid=rejected-rows]");
        Assert.Contains("未找到订单 BO00000000000000", report);
        Assert.Contains("管局退回须填写至少一个原因代码", report);
        await page.ScreenshotAsync("bureau-desk-rejected-rows");
        Assert.Equal("sms-verification", await flow.StatusAsync());

        await page.SetInputFilesAsync("[data-testid=results-file]", Sheet((orderNumber, "短信核验通过", "")));
        await page.ClickAsync("[data-testid=import]");
        Assert.Contains(orderNumber, await page.TextContentAsync("[data-testid=recorded-rows]"));
        Assert.Equal("bureau-review", await flow.StatusAsync());
    }

    private static Microsoft.Playwright.FilePayload Sheet(params (string Order, string Kind, string Reasons)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("结果");
        sheet.Cell(1, 1).Value = "订单号";
        sheet.Cell(1, 2).Value = "结果";
        sheet.Cell(1, 3).Value = "原因代码";
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(i + 2, 1).Value = rows[i].Order;
            sheet.Cell(i + 2, 2).Value = rows[i].Kind;
            sheet.Cell(i + 2, 3).Value = rows[i].Reasons;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new Microsoft.Playwright.FilePayload
        {
            Name = "results.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = stream.ToArray(),
        };
    }
}
