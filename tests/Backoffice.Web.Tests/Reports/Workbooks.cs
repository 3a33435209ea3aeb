using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Scheduling;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Reports;

/// <summary>Builds a report with the app's working calendar and reads the workbook back; and the checks every sheet must pass.</summary>
public static class Workbooks
{
    public static async Task<XLWorkbook> BuildAsync(string kind, ReportParameters parameters, DetailWriting details = DetailWriting.Streamed)
    {
        await using var connection = await TestApp.OpenDatabaseAsync();
        var calendar = await TestApp.Instance.Services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, CancellationToken.None);
        var output = new MemoryStream();
        await Report.For(kind, details).BuildAsync(connection, calendar, parameters, output, null, CancellationToken.None);
        return new XLWorkbook(output);
    }

    /// <summary>The data rows of a table sheet (the title lines and the header excluded).</summary>
    public static List<IXLRangeRow> DataRows(this IXLWorksheet sheet)
    {
        var used = sheet.RangeUsed()!;
        return sheet.Range(ReportWorkbook.HeaderRow, 1, used.LastRow().RowNumber(), used.LastColumn().ColumnNumber()).Rows().Skip(1).ToList();
    }

    /// <summary>The one row whose first cells read <paramref name="keys"/>.</summary>
    public static IXLRangeRow Row(this IXLWorksheet sheet, params string[] keys) =>
        sheet.DataRows().Single(r => keys.Select((k, i) => r.Cell(i + 1).GetString() == k).All(match => match));

    /// <summary>Frozen styled header under the title lines, a filter over the table, widths that fit the header's text.</summary>
    public static void AssertTable(IXLWorksheet sheet)
    {
        Assert.Equal(ReportWorkbook.HeaderRow, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled, $"{sheet.Name} has no filter");
        Assert.Equal(ReportWorkbook.HeaderRow, sheet.AutoFilter.Range.FirstRow().RowNumber());
        var headers = sheet.Row(ReportWorkbook.HeaderRow).CellsUsed().ToList();
        Assert.NotEmpty(headers);
        foreach (var header in headers)
        {
            Assert.True(header.Style.Font.Bold, $"{sheet.Name}!{header.Address} is not bold");
            Assert.True(sheet.Column(header.Address.ColumnNumber).Width >= ColumnWidths.Measure(header.GetString()),
                $"{sheet.Name} column {header.Address.ColumnLetter} is narrower than its header");
        }
    }
}
