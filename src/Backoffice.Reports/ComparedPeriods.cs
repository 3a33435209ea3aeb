namespace Backoffice.Reports;

/// <summary>
/// A tally kept for a report's period and the two it is compared with (<see cref="Comparison"/>): a row read in the
/// report's one pass counts in every period it falls in (a 366-day period shares a day with last year's).
/// </summary>
internal sealed class ComparedPeriods<TTally>(ReportParameters p)
    where TTally : new()
{
    private readonly (ReportParameters Period, TTally Tally)[] _periods =
        [(p, new TTally()), (Comparison.PreviousPeriod(p), new TTally()), (Comparison.SamePeriodLastYear(p), new TTally())];

    public TTally Current => _periods[0].Tally;

    public TTally Previous => _periods[1].Tally;

    public TTally LastYear => _periods[2].Tally;

    /// <summary>
    /// Counts a row (<paramref name="row"/>) into the tally of each period <paramref name="at"/> falls in; true when it is
    /// in the report's own period. A static <paramref name="count"/> keeps the millions of rows of a build from allocating.
    /// </summary>
    public bool Add<TRow>(DateTimeOffset at, TRow row, Action<TTally, TRow> count)
    {
        foreach (var (period, tally) in _periods)
        {
            if (Comparison.Contains(period, at))
            {
                count(tally, row);
            }
        }

        return Comparison.Contains(p, at);
    }
}
