using System.Globalization;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// Column widths fitted from the text (ClosedXML's AdjustToContents needs GDI+, absent on Linux):
/// a CJK or full-width character counts as two, everything else as one, plus a margin.
/// </summary>
public sealed class ColumnWidths
{
    private const double Margin = 2;
    private const double Widest = 60;
    private readonly double[] _widths;

    public ColumnWidths(IReadOnlyList<Column> columns)
    {
        _widths = columns.Select(c => Measure(c.Header)).ToArray();
    }

    public double this[int column] => Math.Min(_widths[column] + Margin, Widest);

    public int Count => _widths.Length;

    public void Fit(int column, object? value)
    {
        var width = value switch
        {
            null => 0,
            string text => Measure(text),
            Link link => Measure(link.Text),
            DateTimeOffset => 16,
            double number => Measure(number.ToString("#,##0.00", CultureInfo.InvariantCulture)),
            IFormattable number => Measure(number.ToString("#,##0", CultureInfo.InvariantCulture)),
            _ => Measure(value.ToString() ?? ""),
        };
        if (width > _widths[column])
        {
            _widths[column] = width;
        }
    }

    public static double Measure(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
