using Backoffice.Workflows.Clock;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// A detail sheet filled row by row while a report streams its rows from the database. Rows go to a
/// compact temporary file (never a list of objects), widths are fitted as they pass, and the sheet
/// is written into the workbook when it is saved: streamed with OpenXmlWriter, or through ClosedXML.
/// </summary>
public sealed class DetailSheet : IDisposable
{
    private const byte Null = 0;
    private const byte Text = 1;
    private const byte Number = 2;
    private const byte Instant = 3;
    private const byte Hyperlink = 4;

    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    internal DetailSheet(string name, IReadOnlyList<Column> columns)
    {
        Name = name;
        Columns = columns;
        Widths = new ColumnWidths(columns);
        _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file);
    }

    public string Name { get; }

    public IReadOnlyList<Column> Columns { get; }

    public ColumnWidths Widths { get; }

    public long RowCount { get; private set; }

    /// <summary>One row: strings, links, numbers, instants (shown in China time) or nulls, one per column.</summary>
    public void Add(params object?[] values)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            var value = values[i];
            Widths.Fit(i, value);
            switch (value)
            {
                case null:
                    _writer.Write(Null);
                    break;
                case string text:
                    _writer.Write(Text);
                    _writer.Write(text);
                    break;
                case Link link:
                    _writer.Write(Hyperlink);
                    _writer.Write(link.Text);
                    _writer.Write(link.Url);
                    break;
                case DateTimeOffset instant:
                    _writer.Write(Instant);
                    _writer.Write(ToChina(instant).ToOADate());
                    break;
                default:
                    _writer.Write(Number);
                    _writer.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        RowCount++;
    }

    /// <summary>Reads the rows back in order: each cell a string, a link, a double, a China-time DateTime or null.</summary>
    internal IEnumerable<object?[]> ReadRows()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (long row = 0; row < RowCount; row++)
        {
            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadByte() switch
                {
                    Text => reader.ReadString(),
                    Number => reader.ReadDouble(),
                    Instant => DateTime.FromOADate(reader.ReadDouble()),
                    Hyperlink => new Link(reader.ReadString(), reader.ReadString()),
                    _ => null,
                };
            }

            yield return values;
        }
    }

    internal static DateTime ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).DateTime;

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
