using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Scheduling;
using ClosedXML.Excel;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// Every workbook reads on screen and on paper: each table sheet carries the report, its period and the
/// generated time (China time) above a header that repeats on every printed page, prints landscape fitted
/// to the page's width, links its order numbers to the order page, names staff by their display names,
/// and passes the Open XML SDK's validator. A table without rows says so under its header, the header of a column
/// of figures or times sits right over them, and a count axis of small figures steps by one.
/// </summary>
public sealed class ReadableWorkbookTests
{
    private const string OrderUrl = "https://backoffice.example.cn/orders";

    [Theory]
    [InlineData(Report.Sla, "410000", false)]
    [InlineData(Report.Sla, "420000", true)]
    [InlineData(Report.BureauResults, "430000", false)]
    [InlineData(Report.PublicSecurity, "340000", true)]
    public async Task Every_sheet_is_titled_prints_landscape_with_its_header_on_every_page_and_links_orders(string kind, string province, bool english)
    {
        var order = await SeedAsync(province);
        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 9, 1), To = kind == Report.PublicSecurity ? new DateOnly(2025, 10, 31) : new DateOnly(2025, 9, 30),
            Province = province, English = english, GeneratedBy = "management", GeneratedAt = China(2025, 10, 31, 23, 30), OrderUrl = OrderUrl,
        };

        var bytes = await BuildAsync(kind, parameters);
        await SaveForReadingAsync($"{kind}-{province}{(english ? "-en" : "")}", bytes);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var printTitles = workbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        var title = Report.Title(kind, english);
        var period = kind == Report.PublicSecurity ? "2025-10-31" : "2025-09-01 ~ 2025-09-30";
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var setup = part.Worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(0u, setup.FitToHeight!.Value);
            Assert.Equal(1u, setup.FitToWidth?.Value ?? 1u);
            Assert.True(part.Worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value, $"{sheet.Name} is not fitted to the page");
            if (index == 0)
            {
                continue;
            }

            Assert.StartsWith(english ? $"{title} · " : $"{title}　", Text(workbookPart, part, "A1"));
            Assert.EndsWith(period, Text(workbookPart, part, "A1"));
            Assert.Equal(english ? "Generated: 2025-10-31 23:30 (China time)" : "生成时间：2025-10-31 23:30（北京时间）", Text(workbookPart, part, "A2"));
            Assert.True(printTitles.Exists(d => d.LocalSheetId!.Value == index && d.Text.EndsWith("!$1:$3", StringComparison.Ordinal)),
                $"{sheet.Name} does not repeat rows 1-3: {string.Join(", ", printTitles.Select(d => $"{d.LocalSheetId} {d.Text}"))}");
        }

        using (var read = new XLWorkbook(new MemoryStream(bytes)))
        {
            foreach (var sheet in read.Worksheets.Skip(1))
            {
                Assert.False(sheet.Cell(ReportWorkbook.HeaderRow + 1, 1).IsEmpty(), $"{sheet.Name}: a header with nothing under it");
                foreach (var header in sheet.Row(ReportWorkbook.HeaderRow).CellsUsed())
                {
                    var first = sheet.Cell(ReportWorkbook.HeaderRow + 1, header.Address.ColumnNumber);
                    Assert.True(first.DataType is not (XLDataType.Number or XLDataType.DateTime) || header.Style.Alignment.Horizontal == XLAlignmentHorizontalValues.Right,
                        $"{sheet.Name}: the header {header.GetString()} is not over its right-aligned figures");
                }
            }
        }

        foreach (var axis in workbookPart.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).SelectMany(c => c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ValueAxis>()))
        {
            // The figures here are all small: a count axis steps by one, never by halves labelled 0, 1, 1.
            if (!axis.NumberingFormat!.FormatCode!.Value!.EndsWith('%'))
            {
                Assert.Equal(1d, axis.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.MajorUnit>()?.Val?.Value);
            }
        }

        var detail = sheets.Last();
        var detailPart = (WorksheetPart)workbookPart.GetPartById(detail.Id!);
        var link = detailPart.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "A4");
        Assert.Equal($"HYPERLINK(\"{OrderUrl}/{order.Order}\",\"{order.Number}\")", link.CellFormula!.Text);
        Assert.Equal(order.Number, link.CellValue!.Text);
        if (kind == Report.Sla)
        {
            using var book = new XLWorkbook(new MemoryStream(bytes));
            var reviewers = book.Worksheet(english ? "By reviewer" : "按审核人");
            Assert.Contains(reviewers.DataRows(), r => r.Cell(1).GetString() == "王小明");
            Assert.DoesNotContain(reviewers.DataRows(), r => r.Cell(1).GetString() == $"reviewer-{province}");
        }
    }

    internal static async Task<byte[]> BuildAsync(string kind, ReportParameters parameters)
    {
        await using var connection = await TestApp.OpenDatabaseAsync();
        var calendar = await TestApp.Instance.Services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, CancellationToken.None);
        using var output = new MemoryStream();
        await Report.For(kind).BuildAsync(connection, calendar, parameters, output, null, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>Keeps the workbook under .data/test-results/workbooks/ for scripts/render-workbooks.sh to turn into pictures.</summary>
    internal static async Task SaveForReadingAsync(string name, byte[] bytes)
    {
        var directory = Path.Combine(Browser.Browser.ResultsDirectory(), "workbooks");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, $"{name}.xlsx"), bytes);
    }

    /// <summary>A cell's text, whether ClosedXML wrote it as a shared string or it was streamed inline.</summary>
    private static string Text(WorkbookPart workbook, WorksheetPart sheet, string reference)
    {
        var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        return cell.DataType?.Value switch
        {
            CellValues.SharedString => workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText,
            CellValues.InlineString => cell.InlineString!.InnerText,
            _ => cell.CellValue?.Text ?? "",
        };
    }

    /// <summary>An order reviewed late in September by a user with a display name (the task escalated to the lead), submitted, rejected, resubmitted and approved.</summary>
    internal static async Task<(Guid Order, string Number)> SeedAsync(string province)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var username = $"reviewer-{province}";
        await db.ExecuteAsync(
            """
            insert into users (username, display_name, password_hash, roles) values (@username, '王小明', 'x', '{reviewer}')
            on conflict (username) do nothing
            """, new { username });
        var order = await data.OrderAsync(province, China(2025, 9, 1, 9));
        await data.TaskAsync(order, "initial-review", username, China(2025, 9, 1, 10), China(2025, 9, 2, 10), China(2025, 9, 3, 10));
        await db.ExecuteAsync("update review_tasks set escalated_at = @at where order_id = @id", new { at = China(2025, 9, 2, 12), id = order.Order });
        await data.SubmissionAsync(order.Order, 1, China(2025, 9, 4, 10), China(2025, 9, 4, 11));
        await data.BureauEventAsync(order.Order, "rejected", China(2025, 9, 10, 10), true, "id-photo-unclear");
        await data.SubmissionAsync(order.Order, 2, China(2025, 9, 12, 10), China(2025, 9, 12, 11));
        await data.BureauEventAsync(order.Order, "approved", China(2025, 9, 20, 10));
        await data.InstanceAsync(order.Order, "public-security-follow-up", China(2025, 9, 20, 10));
        return (order.Order, order.Number);
    }
}
