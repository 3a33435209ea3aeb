using Backoffice.Reports;
using ClosedXML.Excel;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// A period reaching a year the working-day calendar has no holidays for (the seeded calendar covers 2025
/// and 2026) is built, with a red warning on the cover naming the year; a covered period has none.
/// </summary>
public sealed class CalendarCoverageTests
{
    [Theory]
    [InlineData(Report.Sla, false)]
    [InlineData(Report.BureauResults, true)]
    public async Task A_period_reaching_a_year_without_holidays_warns_on_the_cover(string kind, bool english)
    {
        var parameters = new ReportParameters
        {
            From = new DateOnly(2026, 12, 1), To = new DateOnly(2027, 1, 31), Province = "150000", English = english,
            GeneratedBy = "management", GeneratedAt = China(2027, 2, 1, 9),
        };

        using var book = await Workbooks.BuildAsync(kind, parameters);

        var warning = Warning(book.Worksheets.First());
        Assert.NotNull(warning);
        Assert.Contains("2027", warning.GetString());
        Assert.DoesNotContain("2026", warning.GetString());
        Assert.StartsWith(english ? "Warning: the working-day calendar has no holidays for 2027" : "注意：工作日历没有 2027 年的节假日安排", warning.GetString());
        Assert.Equal(XLColor.FromHtml("#C00000"), warning.Style.Font.FontColor);
    }

    [Fact]
    public async Task A_period_the_calendar_covers_has_no_warning()
    {
        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 12, 1), To = new DateOnly(2026, 1, 31), Province = "150000",
            GeneratedBy = "management", GeneratedAt = China(2026, 2, 1, 9),
        };

        using var book = await Workbooks.BuildAsync(Report.Sla, parameters);

        Assert.Null(Warning(book.Worksheets.First()));
    }

    private static IXLCell? Warning(IXLWorksheet cover) =>
        cover.CellsUsed().FirstOrDefault(c => c.GetString().StartsWith("注意", StringComparison.Ordinal) || c.GetString().StartsWith("Warning", StringComparison.Ordinal));
}
