using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Sla;

/// <summary>
/// The SLA cover's comparison: stages done, and done within their deadline, in the period, the previous period
/// and the same period last year. The report's one stage query reads the rows of all three periods
/// (<see cref="Comparison.Window"/>), so the comparison costs no query of its own.
/// </summary>
internal sealed class SlaComparison(ReportParameters p)
{
    private readonly ComparedPeriods<Tally> _periods = new(p);

    /// <summary>Counts a stage in each period it started in; true when it started in the report's own period.</summary>
    public bool Add(DateTimeOffset started, DateTimeOffset? done, DateTimeOffset due) =>
        _periods.Add(started, (done, due), static (tally, stage) => tally.Add(stage.done, stage.due));

    public IReadOnlyList<Headline> Headlines() =>
        Headlines(p, _periods.Current.Counts, _periods.Previous.Counts, _periods.LastYear.Counts);

    /// <summary>The cover's SLA headlines from the stages done and done within their deadline in each period (the dashboard's too).</summary>
    public static IReadOnlyList<Headline> Headlines(
        ReportParameters p, (int Done, int Within) current, (int Done, int Within) previous, (int Done, int Within) lastYear)
    {
        static double? Share((int Done, int Within) period) => period.Done == 0 ? null : (double)period.Within / period.Done;
        return
        [
            new(p.T("按时率（全部环节）", "Within SLA (all stages)"), Share(current), Share(previous), Share(lastYear), p.Targets.SlaShare),
            new(p.T("完成数", "Done"), current.Done, previous.Done, lastYear.Done),
            new(p.T("按时完成数", "Done within SLA"), current.Within, previous.Within, lastYear.Within),
        ];
    }

    private sealed class Tally
    {
        public (int Done, int Within) Counts { get; private set; }

        public void Add(DateTimeOffset? done, DateTimeOffset due)
        {
            if (done is { } finished)
            {
                Counts = (Counts.Done + 1, Counts.Within + (finished <= due ? 1 : 0));
            }
        }
    }
}
