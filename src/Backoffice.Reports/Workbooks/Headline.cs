namespace Backoffice.Reports.Workbooks;

/// <summary>
/// A headline figure of the cover beside the same figure for the previous period (same length, just before)
/// and for the same period a year earlier. A figure held against a target is a share; the others are counts.
/// </summary>
public sealed record Headline(string Label, double? Current, double? Previous, double? LastYear, double? Target = null)
{
    public ColumnKind Kind => Target is null ? ColumnKind.Integer : ColumnKind.Percent;

    public static double? Change(double? figure, double? earlier) => figure is { } now && earlier is { } then ? now - then : null;
}

/// <summary>Red, amber or green against a target: green at or above it, amber within the margin below it, red further below.</summary>
public enum Rag
{
    Red,
    Amber,
    Green,
}

public static class RagRule
{
    public static Rag? Of(double? figure, double? target, double amberMargin) => (figure, target) switch
    {
        ({ } value, { } goal) when value >= goal - 1e-9 => Rag.Green,
        ({ } value, { } goal) when value >= goal - amberMargin - 1e-9 => Rag.Amber,
        ({ }, { }) => Rag.Red,
        _ => null,
    };
}
