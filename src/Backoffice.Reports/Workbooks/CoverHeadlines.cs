using ClosedXML.Excel;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// The cover's headline table: each figure for the period, the previous period and the same period last year,
/// with the changes; a figure with a target is filled red, amber or green (<see cref="RagRule"/>).
/// </summary>
internal static class CoverHeadlines
{
    public const string ShareChangeFormat = "+0.0%;-0.0%;0.0%";
    public const string CountChangeFormat = "+#,##0;-#,##0;0";

    public static readonly IReadOnlyDictionary<Rag, XLColor> Fills = new Dictionary<Rag, XLColor>
    {
        [Rag.Red] = XLColor.FromHtml("#FFC7CE"),
        [Rag.Amber] = XLColor.FromHtml("#FFEB9C"),
        [Rag.Green] = XLColor.FromHtml("#C6EFCE"),
    };

    public static void Write(IXLWorksheet cover, ReportParameters p, IReadOnlyList<Headline> headlines)
    {
        var top = cover.LastRowUsed()!.RowNumber() + 2;
        cover.Cell(top, 1).SetValue(p.T("与上期、去年同期对比", "Compared with the previous period and last year")).Style.Font.SetBold();
        string[] header =
        [
            p.T("指标", "Figure"), p.T("本期", "This period") + Range(p, p), p.T("上期", "Previous period") + Range(p, Comparison.PreviousPeriod(p)),
            p.T("较上期", "Change"), p.T("去年同期", "Same period last year") + Range(p, Comparison.SamePeriodLastYear(p)),
            p.T("较去年同期", "Change on last year"), p.T("目标", "Target"),
        ];
        for (var i = 0; i < header.Length; i++)
        {
            cover.Cell(top + 1, i + 1).SetValue(header[i]);
            cover.Column(i + 1).Width = Math.Max(cover.Column(i + 1).Width, ColumnWidths.Measure(header[i]) + 2);
        }

        var headerStyle = cover.Range(top + 1, 1, top + 1, header.Length).Style;
        headerStyle.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7"));
        for (var r = 0; r < headlines.Count; r++)
        {
            var h = headlines[r];
            var row = cover.Row(top + 2 + r);
            row.Cell(1).SetValue(h.Label);
            cover.Column(1).Width = Math.Max(cover.Column(1).Width, ColumnWidths.Measure(h.Label) + 2);
            var format = new Column("", h.Kind).NumberFormat!;
            var changeFormat = h.Target is null ? CountChangeFormat : ShareChangeFormat;
            Figure(row.Cell(2), h.Current, format, h, p);
            Figure(row.Cell(3), h.Previous, format, h, p);
            Figure(row.Cell(4), Headline.Change(h.Current, h.Previous), changeFormat, null, p);
            Figure(row.Cell(5), h.LastYear, format, h, p);
            Figure(row.Cell(6), Headline.Change(h.Current, h.LastYear), changeFormat, null, p);
            Figure(row.Cell(7), h.Target, format, null, p);
        }
    }

    private static string Range(ReportParameters p, ReportParameters period) =>
        $"{p.T("（", " (")}{period.From:yyyy-MM-dd} ~ {period.To:yyyy-MM-dd}{p.T("）", ")")}";

    private static void Figure(IXLCell cell, double? value, string format, Headline? held, ReportParameters p)
    {
        if (value is not { } figure)
        {
            cell.SetValue("—").Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
            return;
        }

        cell.SetValue(figure).Style.NumberFormat.SetFormat(format);
        if (held is not null && RagRule.Of(figure, held.Target, p.Targets.AmberMargin) is { } rag)
        {
            cell.Style.Fill.SetBackgroundColor(Fills[rag]);
        }
    }
}
