using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// Adds detail sheets to a workbook ClosedXML has saved, writing each with OpenXmlWriter straight
/// into its zip entry: memory stays flat however many rows. Title lines, frozen styled header, number and
/// date formats, fitted widths, a filter and the print setup, as on the ClosedXML sheets; past Excel's row
/// limit a sheet continues on the next one.
/// </summary>
internal static class StreamedSheets
{
    public const int MaxDataRows = 1_048_576 - ReportWorkbook.HeaderRow;
    private const string HeaderFill = "FFDDEBF7";

    /// <summary>The cell padding ClosedXML adds to a column's width when it saves (Calibri 11), so both kinds of sheet read alike.</summary>
    private const double WidthPadding = 0.7109375;

    /// <summary>
    /// Copies the workbook ClosedXML saved (<paramref name="summary"/>) into <paramref name="output"/> as a new
    /// zip, with the detail sheets registered in it and their rows streamed straight into their compressed
    /// entries: nothing of a detail sheet is held in memory (System.IO.Packaging would keep every part it
    /// writes uncompressed until the package closes).
    /// </summary>
    public static void Write(Stream summary, Stream output, IReadOnlyList<DetailSheet> sheets, SheetHeading heading)
    {
        var pending = new List<(string Entry, DetailSheet Sheet, int Count)>();
        Styles styles;
        using (var document = SpreadsheetDocument.Open(summary, true))
        {
            var workbookPart = document.WorkbookPart!;
            styles = Register(workbookPart.WorkbookStylesPart!.Stylesheet);
            var workbook = workbookPart.Workbook;
            var sheetList = workbook.Sheets!;
            var definedNames = workbook.DefinedNames ?? workbook.InsertAfter(new DefinedNames(), sheetList);
            foreach (var titles in definedNames.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles"))
            {
                // ClosedXML writes the rows relative (按环节!1:3); Excel writes and expects them absolute.
                titles.Text = System.Text.RegularExpressions.Regex.Replace(titles.Text, @"!(\d+):(\d+)$", "!$$$1:$$$2");
            }

            foreach (var sheet in sheets)
            {
                var part = 1;
                var remaining = sheet.RowCount;
                do
                {
                    var count = (int)Math.Min(remaining, MaxDataRows);
                    var name = part == 1 ? sheet.Name : $"{sheet.Name} ({part})";
                    var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                    worksheetPart.Worksheet = new Worksheet(new SheetData());
                    pending.Add((worksheetPart.Uri.OriginalString.TrimStart('/'), sheet, count));
                    var index = sheetList.ChildElements.Count;
                    sheetList.Append(new Sheet
                    {
                        Name = name,
                        SheetId = sheetList.Elements<Sheet>().Max(s => s.SheetId!.Value) + 1,
                        Id = workbookPart.GetIdOfPart(worksheetPart),
                    });
                    var header = ReportWorkbook.HeaderRow;
                    definedNames.Append(new DefinedName($"'{name}'!$A${header}:${Letters(sheet.Columns.Count - 1)}${count + header}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)index,
                        Hidden = true,
                    });
                    definedNames.Append(new DefinedName($"'{name}'!$1:${header}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index });
                    remaining -= count;
                    part++;
                }
                while (remaining > 0);
            }

            workbook.Save();
        }

        summary.Position = 0;
        using var source = new ZipArchive(summary, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries.Where(e => !pending.Exists(p => p.Entry == e.FullName)))
        {
            using var from = entry.Open();
            using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            from.CopyTo(to);
        }

        foreach (var parts in pending.GroupBy(p => p.Sheet))
        {
            using var rows = parts.Key.ReadRows().GetEnumerator();
            foreach (var (entry, sheet, count) in parts)
            {
                using var stream = target.CreateEntry(entry, CompressionLevel.Optimal).Open();
                Write(stream, sheet, rows, count, styles, heading);
            }
        }
    }

    private static void Write(Stream part, DetailSheet sheet, IEnumerator<object?[]> rows, int count, Styles styles, SheetHeading heading)
    {
        const int header = ReportWorkbook.HeaderRow;
        var columns = sheet.Columns;
        var letters = Enumerable.Range(0, columns.Count).Select(Letters).ToArray();
        var formats = columns.Select(c => styles.Of(c.Kind)).ToArray();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var firstData = $"A{header + 1}";
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = header, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(columns.Select((_, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Widths[i] + WidthPadding, CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, letters, [heading.Title], formats, styles, styles.Title);
        WriteRow(writer, 2, letters, [heading.Generated], formats, styles, styles.Generated);
        var headerFormats = columns.Select(c => c.Kind == ColumnKind.Text ? styles.Header : styles.HeaderRight).ToArray();
        WriteRow(writer, header, letters, columns.Select(c => (object?)c.Header).ToArray(), headerFormats, styles, null);
        for (var row = 0; row < count && rows.MoveNext(); row++)
        {
            WriteRow(writer, row + header + 1, letters, rows.Current, formats, styles, null);
        }

        if (count == 0)
        {
            WriteRow(writer, header + 1, letters, [heading.NoRows], formats, styles, styles.Generated);
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A{header}:{letters[^1]}{count + header}" });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteElement(new HeaderFooter(new OddFooter("&C&P / &N")));
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int index, string[] letters, object?[] values, uint[] formats, Styles styles, uint? style)
    {
        var rowNumber = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber)]);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                continue;
            }

            var reference = new OpenXmlAttribute("r", "", letters[i] + rowNumber);
            if (value is Link link)
            {
                var format = new OpenXmlAttribute("s", "", styles.Link.ToString(CultureInfo.InvariantCulture));
                writer.WriteStartElement(new Cell(), [reference, format, new OpenXmlAttribute("t", "", "str")]);
                writer.WriteElement(new CellFormula(link.Formula));
                writer.WriteElement(new CellValue(CellText.Clean(link.Text)));
            }
            else if (value is string text)
            {
                var quoted = style is null && CellText.NeedsQuotePrefix(text);
                var format = new OpenXmlAttribute("s", "", (quoted ? styles.QuotedText : style ?? formats[i]).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartElement(new Cell(), [reference, format, new OpenXmlAttribute("t", "", "inlineStr")]);
                writer.WriteStartElement(new InlineString());
                var clean = CellText.Clean(text);
                writer.WriteElement(clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))
                    ? new Text(clean) { Space = SpaceProcessingModeValues.Preserve }
                    : new Text(clean));
                writer.WriteEndElement();
            }
            else
            {
                var number = value is DateTime time ? time.ToOADate() : (double)value;
                var format = new OpenXmlAttribute("s", "", (style ?? formats[i]).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartElement(new Cell(), [reference, format]);
                writer.WriteElement(new CellValue(number.ToString("R", CultureInfo.InvariantCulture)));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>Adds the header and column formats to the stylesheet ClosedXML wrote; returns their indexes.</summary>
    private static Styles Register(Stylesheet stylesheet)
    {
        var numberingFormats = stylesheet.NumberingFormats ?? stylesheet.InsertAt(new NumberingFormats(), 0);
        var nextFormatId = Math.Max(163u, numberingFormats.Elements<NumberingFormat>().Select(f => f.NumberFormatId!.Value).DefaultIfEmpty(0u).Max()) + 1;
        var fonts = stylesheet.Fonts!;
        var plain = fonts.Elements<Font>().First();

        uint AddFont(Action<Font> change)
        {
            var font = (Font)plain.CloneNode(true);
            change(font);
            fonts.Append(font);
            fonts.Count = (uint)fonts.ChildElements.Count;
            return fonts.Count - 1;
        }

        var bold = AddFont(f => f.PrependChild(new Bold()));
        var title = AddFont(f =>
        {
            f.PrependChild(new Bold());
            f.FontSize = new FontSize { Val = SheetHeading.TitleFontSize };
        });
        var grey = AddFont(f => f.Color = new Color { Rgb = "FF595959" });
        var link = AddFont(f =>
        {
            f.Color = new Color { Rgb = "FF0563C1" };
            f.Underline = new Underline();
        });
        var fills = stylesheet.Fills!;
        fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = HeaderFill }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        fills.Count = (uint)fills.ChildElements.Count;
        var cellFormats = stylesheet.CellFormats!;

        uint Add(CellFormat format)
        {
            cellFormats.Append(format);
            cellFormats.Count = (uint)cellFormats.ChildElements.Count;
            return cellFormats.Count - 1;
        }

        var header = Add(new CellFormat { FontId = bold, FillId = fills.Count - 1, BorderId = 0, NumberFormatId = 0, ApplyFont = true, ApplyFill = true });
        var headerRight = Add(new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right })
        {
            FontId = bold, FillId = fills.Count - 1, BorderId = 0, NumberFormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true,
        });
        var byKind = new Dictionary<ColumnKind, uint>();
        foreach (var kind in Enum.GetValues<ColumnKind>())
        {
            var code = new Column("", kind).NumberFormat;
            uint formatId = 0;
            if (code is not null)
            {
                formatId = nextFormatId++;
                numberingFormats.Append(new NumberingFormat { NumberFormatId = formatId, FormatCode = code });
            }

            byKind[kind] = Add(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = formatId, ApplyNumberFormat = code is not null });
        }

        var quotedText = Add(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0, QuotePrefix = true });
        var titleFormat = Add(new CellFormat { FontId = title, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        var generated = Add(new CellFormat { FontId = grey, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        var linkFormat = Add(new CellFormat { FontId = link, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        numberingFormats.Count = (uint)numberingFormats.ChildElements.Count;
        stylesheet.Save();
        return new Styles(header, headerRight, quotedText, titleFormat, generated, linkFormat, byKind);
    }

    internal static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>
    /// The header's formats (right-aligned over the figures and times of its column, which Excel aligns right), the
    /// quote-prefixed text format, the title lines' and links' formats and each column kind's format.
    /// </summary>
    private sealed record Styles(uint Header, uint HeaderRight, uint QuotedText, uint Title, uint Generated, uint Link, Dictionary<ColumnKind, uint> ByKind)
    {
        public uint Of(ColumnKind kind) => ByKind[kind];
    }
}
