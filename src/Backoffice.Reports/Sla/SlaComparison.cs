using Backoffice.Reports.Workbooks;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Reports.Sla;

/// <summary>
/// The SLA cover's comparison: stages done, and done within their deadline, in the period, the previous period
/// and the same period last year. The report's one stage query reads the rows of all three periods
/// (<see cref="Window"/>) and each row counts in every period it started in (a 366-day period can overlap
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

    /// <summary>A start column in the period or one of the two it is compared with (the previous period ends where the period starts).</summary>
    public static string Window(string at) =>
        $"(({at} >= @previousStart and {at} < @end) or ({at} >= @lastYearStart and {at} < @lastYearEnd))";

    /// <summary>The parameters of <see cref="Window"/> besides the period's own.</summary>
    public void AddParameters(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter("previousStart", NpgsqlDbType.TimestampTz) { Value = _previous.Start });
        command.Parameters.Add(new NpgsqlParameter("lastYearStart", NpgsqlDbType.TimestampTz) { Value = _lastYear.Start });
        command.Parameters.Add(new NpgsqlParameter("lastYearEnd", NpgsqlDbType.TimestampTz) { Value = _lastYear.End });
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
        public DateTimeOffset Start { get; } = p.Start;

        public DateTimeOffset End { get; } = p.End;

        public int Done { get; private set; }

        public int Within { get; private set; }

        public double? Share => Done == 0 ? null : (double)Within / Done;

        public bool Add(DateTimeOffset started, DateTimeOffset? done, DateTimeOffset due)
        {
            if (started < Start || started >= End)
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
