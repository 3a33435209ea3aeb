using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Sla;

/// <summary>
/// The SLA cover's comparison: stages done, and done within their deadline, in the period, the previous period
/// and the same period last year. The report's one stage query reads the rows of all three periods
/// (<see cref="Comparison.Window"/>) and each row counts in every period it started in (a 366-day period can overlap
/// last year's), so the comparison costs no query of its own.
/// </summary>
internal sealed class SlaComparison
{
    private readonly ReportParameters _p;
    private readonly Period _current;
    private readonly Period _previous;
    private readonly Period _lastYear;

    public SlaComparison(ReportParameters p)
    {
        _p = p;
        _current = new Period(p);
        _previous = new Period(Comparison.PreviousPeriod(p));
        _lastYear = new Period(Comparison.SamePeriodLastYear(p));
    }

    /// <summary>Counts a stage in each period it started in; true when it started in the report's own period.</summary>
    public bool Add(DateTimeOffset started, DateTimeOffset? done, DateTimeOffset due)
    {
        _previous.Add(started, done, due);
        _lastYear.Add(started, done, due);
        return _current.Add(started, done, due);
    }

    public IReadOnlyList<Headline> Headlines() =>
    [
        new(_p.T("按时率（全部环节）", "Within SLA (all stages)"), _current.Share, _previous.Share, _lastYear.Share, _p.Targets.SlaShare),
        new(_p.T("完成数", "Done"), _current.Done, _previous.Done, _lastYear.Done),
        new(_p.T("按时完成数", "Done within SLA"), _current.Within, _previous.Within, _lastYear.Within),
    ];

    private sealed class Period(ReportParameters p)
    {
        public int Done { get; private set; }

        public int Within { get; private set; }

        public double? Share => Done == 0 ? null : (double)Within / Done;

        public bool Add(DateTimeOffset started, DateTimeOffset? done, DateTimeOffset due)
        {
            if (!Comparison.Contains(p, started))
            {
                return false;
            }

            if (done is { } finished)
            {
                Done++;
                Within += finished <= due ? 1 : 0;
            }

            return true;
        }
    }
}
