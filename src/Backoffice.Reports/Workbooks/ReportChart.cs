namespace Backoffice.Reports.Workbooks;

/// <summary>A summary table as written: its sheet, the row of its first data row and its rows' values (the totals row excluded).</summary>
public sealed record TableData(string Sheet, int FirstRow, IReadOnlyList<object?[]> Rows, int LastRow);

public enum SeriesKind
{
    Bar,
    Line,
}

/// <summary>A series of a chart: the table column (0-based) it plots, as bars or a line, on the primary or the secondary value axis.</summary>
public sealed record ChartSeries(string Name, int Column, SeriesKind Kind = SeriesKind.Bar, bool Secondary = false);

/// <summary>
/// A native Excel chart drawn under a summary table: categories from one column of the table, each series
/// from another, referenced by cell range (with the figures cached, so the chart reads before any
/// recalculation). <paramref name="Format"/> and <paramref name="SecondaryFormat"/> are the value axes'
/// number formats (<c>0%</c>, <c>#,##0</c>).
/// </summary>
public sealed record ReportChart(
    TableData Table, string Title, int CategoryColumn, IReadOnlyList<ChartSeries> Series, string Format, string? SecondaryFormat = null)
{
    /// <summary>Column charts beside a percentage axis end at 100%.</summary>
    public bool PercentAxis => Format.EndsWith('%');
}
