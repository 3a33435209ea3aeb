using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using ClosedXML.Excel;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// Stored text that Excel would run as a formula (a subject's name, a reason code the bureau sent, a user's
/// display name) comes back from every sheet as the same text, never as a formula or a number, whether the
/// sheet is written by ClosedXML or streamed.
/// </summary>
public sealed class FormulaInjectionTests
{
    private static readonly string[] Formulas = ["=HYPERLINK(\"https://example.com\",\"点此\")", "@SUM(1)", "+1", "-1", "=1+1"];

    [Theory]
    [InlineData(DetailWriting.Streamed)]
    [InlineData(DetailWriting.ClosedXml)]
    public void Text_like_formulas_is_written_as_text_on_the_cover_the_tables_and_the_details(DetailWriting details)
    {
        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 6, 1), To = new DateOnly(2025, 6, 30), GeneratedBy = Formulas[0], GeneratedAt = China(2025, 7, 1, 9),
        };
        var output = new MemoryStream();
        using (var workbook = new ReportWorkbook(parameters, "报表", [("处理组", Formulas[1])]))
        {
            var detail = workbook.AddDetail("明细", [new("名称"), new("数量", ColumnKind.Integer)]);
            workbook.AddTable("汇总", [new("名称"), new("数量", ColumnKind.Integer)], Formulas.Select(f => (object?[])[f, 1]), ["合计", Formulas.Length]);
            foreach (var formula in Formulas)
            {
                detail.Add(formula, 1);
            }

            detail.Add("控制\u0001字符", 2);
            workbook.Save(output, details);
        }

        using var book = new XLWorkbook(output);
        Assert.Equal(Formulas.Take(2).Order(StringComparer.Ordinal), AssertText(book.Worksheet("封面")).Order(StringComparer.Ordinal));
        Assert.Equal(Formulas.Order(StringComparer.Ordinal), AssertText(book.Worksheet("汇总")).Order(StringComparer.Ordinal));
        Assert.Equal(Formulas.Order(StringComparer.Ordinal), AssertText(book.Worksheet("明细")).Order(StringComparer.Ordinal));
        Assert.Equal("控制\uFFFD字符", book.Worksheet("明细").Cell(Formulas.Length + ReportWorkbook.HeaderRow + 1, 1).GetString());
    }

    [Theory]
    [InlineData(DetailWriting.Streamed)]
    [InlineData(DetailWriting.ClosedXml)]
    public async Task Subject_names_and_bureau_reason_codes_like_formulas_come_back_as_text_in_every_sheet(DetailWriting details)
    {
        var province = details == DetailWriting.Streamed ? "520000" : "500000";
        var data = await OpenAsync();
        await using (data.Db)
        {
            foreach (var formula in Formulas)
            {
                var order = await data.OrderAsync(province, China(2025, 6, 2, 9), subjectName: formula, websiteNumbers: ["黔ICP备12345678号-1"]);
                await data.InstanceAsync(order.Order, "public-security-follow-up", China(2025, 6, 9, 9));
                await data.SubmissionAsync(order.Order, 1, China(2025, 6, 3, 9), null);
                await data.BureauEventAsync(order.Order, "rejected", China(2025, 6, 6, 9), true, formula);
            }
        }

        using var bureau = await Workbooks.BuildAsync(Report.BureauResults,
            new ReportParameters { From = new(2025, 6, 2), To = new(2025, 6, 6), Province = province, GeneratedBy = "management", GeneratedAt = China(2025, 7, 1, 9) },
            details);
        using var followUp = await Workbooks.BuildAsync(Report.PublicSecurity,
            new ReportParameters { From = new(2025, 6, 30), To = new(2025, 6, 30), Province = province, GeneratedBy = "management", GeneratedAt = China(2025, 7, 1, 9) },
            details);

        var expected = Formulas.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, AssertText(bureau.Worksheet("退回原因排名")).Order(StringComparer.Ordinal));
        Assert.Equal(expected, AssertText(bureau.Worksheet("各省退回原因")).Order(StringComparer.Ordinal));
        Assert.Equal(expected, AssertText(bureau.Worksheet("明细")).Order(StringComparer.Ordinal));
        Assert.Equal(expected, AssertText(followUp.Worksheet("明细")).Order(StringComparer.Ordinal));
        foreach (var sheet in bureau.Worksheets.Concat(followUp.Worksheets))
        {
            AssertText(sheet);
        }
    }

    /// <summary>No cell of the sheet is a formula; the formula-like texts found are text cells with the quote prefix. Returns them.</summary>
    private static List<string> AssertText(IXLWorksheet sheet)
    {
        var found = new List<string>();
        foreach (var cell in sheet.CellsUsed())
        {
            Assert.False(cell.HasFormula, $"{sheet.Name}!{cell.Address} is a formula: {cell.FormulaA1}");
            if (Formulas.Contains(cell.GetString()))
            {
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.True(cell.Style.IncludeQuotePrefix, $"{sheet.Name}!{cell.Address} has no quote prefix");
                found.Add(cell.GetString());
            }
        }

        return found;
    }
}
