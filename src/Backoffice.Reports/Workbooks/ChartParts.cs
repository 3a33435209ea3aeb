using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// Writes native Excel charts (DrawingML chart parts, which ClosedXML 0.95 cannot make) into a workbook
/// ClosedXML saved: per sheet a drawing part holding each chart under its table, the series referencing
/// the table's cells with their figures cached. Columns and lines, a secondary axis for a Pareto line.
/// </summary>
internal static class ChartParts
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private static readonly string[] Colours = ["4472C4", "ED7D31", "A5A5A5", "70AD47", "5B9BD5"];
    private const string TargetColour = "C00000";

    /// <summary>A chart's size: 18 cm by 9 cm, and the rows it takes (with a gap) when charts stack down a sheet.</summary>
    private const long Width = 6_480_000;
    private const long Height = 3_240_000;
    private const int RowsPerChart = 20;

    public static void Add(SpreadsheetDocument document, IReadOnlyList<ReportChart> charts)
    {
        var workbookPart = document.WorkbookPart!;
        foreach (var group in charts.GroupBy(c => c.Table.Sheet))
        {
            var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == group.Key);
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
            var anchors = new List<XElement>();
            var row = group.Max(c => c.Table.LastRow) + 2;
            foreach (var (chart, index) in group.Select((c, i) => (c, i)))
            {
                var chartPart = drawingsPart.AddNewPart<ChartPart>();
                Feed(chartPart, ChartSpace(chart));
                anchors.Add(Anchor(row, index + 2, chart.Title, drawingsPart.GetIdOfPart(chartPart)));
                row += RowsPerChart;
            }

            Feed(drawingsPart, new XElement(Xdr + "wsDr", new XAttribute(XNamespace.Xmlns + "xdr", Xdr), new XAttribute(XNamespace.Xmlns + "a", A), anchors));
            var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
            var worksheet = worksheetPart.Worksheet;
            var after = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture or OleObjects
                or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
            if (after is null)
            {
                worksheet.Append(drawing);
            }
            else
            {
                worksheet.InsertBefore(drawing, after);
            }

            worksheet.Save();
        }
    }

    private static void Feed(OpenXmlPart part, XElement root)
    {
        using var stream = new MemoryStream();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(stream);
        stream.Position = 0;
        part.FeedData(stream);
    }

    private static XElement Anchor(int row, int id, string name, string relationship) =>
        new(Xdr + "oneCellAnchor",
            new XElement(Xdr + "from", new XElement(Xdr + "col", 0), new XElement(Xdr + "colOff", 0), new XElement(Xdr + "row", row), new XElement(Xdr + "rowOff", 0)),
            new XElement(Xdr + "ext", new XAttribute("cx", Width), new XAttribute("cy", Height)),
            new XElement(Xdr + "graphicFrame", new XAttribute("macro", ""),
                new XElement(Xdr + "nvGraphicFramePr",
                    new XElement(Xdr + "cNvPr", new XAttribute("id", id), new XAttribute("name", name)),
                    new XElement(Xdr + "cNvGraphicFramePr")),
                new XElement(Xdr + "xfrm", new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)),
                    new XElement(A + "ext", new XAttribute("cx", 0), new XAttribute("cy", 0))),
                new XElement(A + "graphic", new XElement(A + "graphicData", new XAttribute("uri", C.NamespaceName),
                    new XElement(C + "chart", new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(XNamespace.Xmlns + "r", R), new XAttribute(R + "id", relationship))))),
            new XElement(Xdr + "clientData"));

    private static XElement ChartSpace(ReportChart chart)
    {
        var secondary = chart.Series.Any(s => s.Secondary);
        var plot = new XElement(C + "plotArea", new XElement(C + "layout"));
        var bars = chart.Series.Select((s, i) => (s, i)).Where(x => x.s.Kind == SeriesKind.Bar && !x.s.Secondary).ToList();
        var lines = chart.Series.Select((s, i) => (s, i)).Where(x => x.s.Kind == SeriesKind.Line).ToList();
        if (bars.Count > 0)
        {
            plot.Add(new XElement(C + "barChart", Val("barDir", "col"), Val("grouping", "clustered"), Val("varyColors", 0),
                bars.Select(x => Series(chart, x.s, x.i)), Val("gapWidth", 80), Val("axId", 1), Val("axId", 2)));
        }

        foreach (var onSecondary in new[] { false, true })
        {
            var these = lines.Where(x => x.s.Secondary == onSecondary).ToList();
            if (these.Count > 0)
            {
                plot.Add(new XElement(C + "lineChart", Val("grouping", "standard"), Val("varyColors", 0),
                    these.Select(x => Series(chart, x.s, x.i)), Val("marker", 1), Val("axId", onSecondary ? 3 : 1), Val("axId", onSecondary ? 4 : 2)));
            }
        }

        plot.Add(CategoryAxis(1, 2, deleted: false), ValueAxis(2, 1, chart.Format, chart.PercentAxis, right: false, Highest(chart, secondary: false)));
        if (secondary)
        {
            var format = chart.SecondaryFormat ?? "0%";
            plot.Add(CategoryAxis(3, 4, deleted: true), ValueAxis(4, 3, format, format.EndsWith('%'), right: true, Highest(chart, secondary: true)));
        }

        return new XElement(C + "chartSpace",
            new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(XNamespace.Xmlns + "a", A), new XAttribute(XNamespace.Xmlns + "r", R),
            Val("roundedCorners", 0),
            new XElement(C + "chart",
                new XElement(C + "title", new XElement(C + "tx", Rich(chart.Title, 1200, bold: true)), Val("overlay", 0)),
                Val("autoTitleDeleted", 0),
                plot,
                new XElement(C + "legend", Val("legendPos", "b"), Val("overlay", 0)),
                Val("plotVisOnly", 1),
                Val("dispBlanksAs", "gap")));
    }

    private static XElement Series(ReportChart chart, ChartSeries series, int index)
    {
        var table = chart.Table;
        var colour = series.Kind == SeriesKind.Line && index > 0 && !series.Secondary ? TargetColour : Colours[index % Colours.Length];
        var shape = series.Kind == SeriesKind.Bar
            ? new XElement(C + "spPr", new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour))))
            : new XElement(C + "spPr", new XElement(A + "ln", new XAttribute("w", 28575),
                new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour)))));
        var element = new XElement(C + "ser", Val("idx", index), Val("order", index),
            new XElement(C + "tx", new XElement(C + "strRef", new XElement(C + "f", Reference(table.Sheet, series.Column, ReportWorkbook.HeaderRow, ReportWorkbook.HeaderRow)),
                StringCache([series.Name]))),
            shape);
        if (series.Kind == SeriesKind.Bar)
        {
            element.Add(Val("invertIfNegative", 0));
        }
        else
        {
            element.Add(new XElement(C + "marker", Val("symbol", "circle"), Val("size", 5)));
        }

        var last = table.FirstRow + table.Rows.Count - 1;
        element.Add(
            new XElement(C + "cat", new XElement(C + "strRef", new XElement(C + "f", Reference(table.Sheet, chart.CategoryColumn, table.FirstRow, last)),
                StringCache(table.Rows.Select(r => Convert.ToString(r[chart.CategoryColumn], CultureInfo.InvariantCulture) ?? "").ToList()))),
            new XElement(C + "val", new XElement(C + "numRef", new XElement(C + "f", Reference(table.Sheet, series.Column, table.FirstRow, last)),
                NumberCache(table.Rows.Select(r => r[series.Column]).ToList()))));
        if (series.Kind == SeriesKind.Line)
        {
            element.Add(Val("smooth", 0));
        }

        return element;
    }

    private static XElement CategoryAxis(int id, int cross, bool deleted) =>
        new(C + "catAx", Val("axId", id), new XElement(C + "scaling", Val("orientation", "minMax")), Val("delete", deleted ? 1 : 0),
            Val("axPos", "b"), Val("majorTickMark", "none"), Val("minorTickMark", "none"), Val("tickLblPos", "nextTo"),
            Val("crossAx", cross), Val("crosses", "autoZero"), Val("auto", 1), Val("lblAlgn", "ctr"), Val("lblOffset", 100), Val("noMultiLvlLbl", 0));

    /// <summary>
    /// A value axis. A count axis whose figures stay under <see cref="SmallCounts"/> steps by one from zero: left to
    /// itself it steps by halves, and a whole-number format then labels them 0, 1, 1.
    /// </summary>
    private static XElement ValueAxis(int id, int cross, string format, bool percent, bool right, double highest)
    {
        var scaling = new XElement(C + "scaling", Val("orientation", "minMax"));
        var smallCounts = !percent && highest < SmallCounts;
        if (percent)
        {
            scaling.Add(Val("max", 1), Val("min", 0));
        }
        else if (smallCounts)
        {
            scaling.Add(Val("max", Math.Max(1, Math.Ceiling(highest))), Val("min", 0));
        }

        return new XElement(C + "valAx", Val("axId", id), scaling, Val("delete", 0), Val("axPos", right ? "r" : "l"),
            right ? null : new XElement(C + "majorGridlines"),
            new XElement(C + "numFmt", new XAttribute("formatCode", format), new XAttribute("sourceLinked", 0)),
            Val("majorTickMark", "out"), Val("minorTickMark", "none"), Val("tickLblPos", "nextTo"),
            Val("crossAx", cross), Val("crosses", right ? "max" : "autoZero"), Val("crossBetween", "between"),
            smallCounts ? Val("majorUnit", 1) : null);
    }

    private const double SmallCounts = 5;

    /// <summary>The highest figure the chart plots on one of its value axes.</summary>
    private static double Highest(ReportChart chart, bool secondary) =>
        chart.Series.Where(s => s.Secondary == secondary)
            .SelectMany(s => chart.Table.Rows.Select(r => r[s.Column]))
            .Where(v => v is not null).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    private static XElement Rich(string text, int size, bool bold) =>
        new(C + "rich", new XElement(A + "bodyPr"), new XElement(A + "lstStyle"),
            new XElement(A + "p",
                new XElement(A + "pPr", new XElement(A + "defRPr", new XAttribute("sz", size), new XAttribute("b", bold ? 1 : 0))),
                new XElement(A + "r", new XElement(A + "rPr", new XAttribute("lang", "zh-CN"), new XAttribute("sz", size), new XAttribute("b", bold ? 1 : 0)),
                    new XElement(A + "t", CellText.Clean(text)))));

    private static XElement StringCache(IReadOnlyList<string> values) =>
        new(C + "strCache", Val("ptCount", values.Count),
            values.Select((v, i) => new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", CellText.Clean(v)))));

    private static XElement NumberCache(IReadOnlyList<object?> values) =>
        new(C + "numCache", new XElement(C + "formatCode", "General"), Val("ptCount", values.Count),
            values.Select((v, i) => (v, i)).Where(x => x.v is not null).Select(x => new XElement(C + "pt", new XAttribute("idx", x.i),
                new XElement(C + "v", Convert.ToDouble(x.v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)))));

    /// <summary><c>'按环节'!$E$4:$E$9</c>: a column's rows, absolute, the sheet's name quoted.</summary>
    internal static string Reference(string sheet, int column, int first, int last)
    {
        var letters = StreamedSheets.Letters(column);
        return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${letters}${first}:${letters}${last}";
    }

    private static XElement Val(string name, object value) => new(C + name, new XAttribute("val", value));
}
