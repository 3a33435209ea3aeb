using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Dashboard;

/// <summary>
/// A headline figure of a workbook's cover as the dashboard shows it: this period, the previous period and the same
/// period last year, the changes (this period minus the other; a share's change in points of the share), and for a
/// figure held against a target (a share) each period's colour against it: <c>green</c>, <c>amber</c> or <c>red</c>
/// (<see cref="RagRule"/>, the cover's rule).
/// </summary>
public sealed record HeadlineTrend(
    string Label, bool IsShare, double? Current, double? Previous, double? ChangeOnPrevious, double? LastYear, double? ChangeOnLastYear,
    double? Target, string? CurrentRag, string? PreviousRag, string? LastYearRag)
{
    public static HeadlineTrend Of(Headline h, double amberMargin) => new(
        h.Label, h.Target is not null, h.Current, h.Previous, Headline.Change(h.Current, h.Previous), h.LastYear, Headline.Change(h.Current, h.LastYear),
        h.Target, Rag(h.Current, h.Target, amberMargin), Rag(h.Previous, h.Target, amberMargin), Rag(h.LastYear, h.Target, amberMargin));

    private static string? Rag(double? figure, double? target, double amberMargin) =>
        RagRule.Of(figure, target, amberMargin)?.ToString().ToLowerInvariant();
}
