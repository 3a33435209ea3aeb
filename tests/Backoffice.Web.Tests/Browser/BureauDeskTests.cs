using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Microsoft.Playwright;

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
        var report = page.Locator("[data-testid=rejected-rows]");
        await Assertions.Expect(report).ToContainTextAsync("未找到订单 BO00000000000000");
        await Assertions.Expect(report).ToContainTextAsync("管局退回须填写至少一个原因代码");
        await page.ScreenshotAsync("bureau-desk-rejected-rows");
        Assert.Equal("sms-verification", await flow.StatusAsync());

        await page.SetInputFilesAsync("[data-testid=results-file]", Sheet((orderNumber, "短信核验通过", "")));
        await page.ClickAsync("[data-testid=import]");
        await Assertions.Expect(page.Locator("[data-testid=recorded-rows]")).ToContainTextAsync(orderNumber);
        Assert.Equal("bureau-review", await flow.StatusAsync());
    }

    [Fact]
    public async Task The_downloaded_template_offers_results_by_label_and_applies_once_filled_in()
    {
        var verified = await Flow.SubmittedAsync(_app);
        await verified.ToSmsVerificationAsync();
        var rejected = await Flow.SubmittedAsync(_app);
        await rejected.ToBureauReviewAsync();
        await using var session = await Browser.SignedInAsync("liaison");
        var page = session.Page;
        await page.GotoAsync("/bureau");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=results-template]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var template = new MemoryStream();
        await using (var downloaded = await download.CreateReadStreamAsync())
        {
            await downloaded.CopyToAsync(template);
        }

        template.Position = 0;
        using var workbook = new XLWorkbook(template);
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["订单号", "结果"], [sheet.Cell(1, 1).GetString(), sheet.Cell(1, 2).GetString()]);
        Assert.StartsWith("退回原因代码", sheet.Cell(1, 3).GetString(), StringComparison.Ordinal);
        Assert.Equal("管局退回", sheet.Cell(2, 2).GetString());
        Assert.NotEmpty(sheet.Cell(2, 1).GetString());
        var validation = Assert.Single(sheet.DataValidations);
        Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
        Assert.Contains(validation.Ranges, r => r.Contains(sheet.Cell(3, 2)));
        var source = validation.Value.TrimStart('=').Split('!');
        var listed = workbook.Worksheet(source[0].Trim('\'')).Range(source[1].Replace("$", "", StringComparison.Ordinal)).Cells().Select(c => c.GetString());
        Assert.Equal(["短信核验通过", "短信核验超时", "管局审核通过", "管局退回"], listed);

        sheet.Cell(2, 1).Value = (await verified.GetAsync())["orderNumber"]!.GetValue<string>();
        sheet.Cell(2, 2).Value = "短信核验通过";
        sheet.Cell(2, 3).Value = "";
        sheet.Cell(3, 1).Value = (await rejected.GetAsync())["orderNumber"]!.GetValue<string>();
        sheet.Cell(3, 2).Value = "管局退回";
        sheet.Cell(3, 3).Value = "domain-holder-mismatch";
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        await page.SetInputFilesAsync("[data-testid=results-file]", new Microsoft.Playwright.FilePayload
        {
            Name = "filled.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = filled.ToArray(),
        });
        await page.ClickAsync("[data-testid=import]");
        await page.WaitForSelectorAsync("[data-testid=recorded-rows]");
        await page.ScreenshotAsync("bureau-desk-template-imported");
        Assert.Equal("bureau-review", await verified.StatusAsync());
        Assert.Equal("bureau-rejected", await rejected.StatusAsync());
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
