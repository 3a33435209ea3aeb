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
        Headlines(_p, (_current.Done, _current.Within), (_previous.Done, _previous.Within), (_lastYear.Done, _lastYear.Within));

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

    private sealed class Period(ReportParameters p)
    {
        public DateTimeOffset Start { get; } = p.Start;

        public DateTimeOffset End { get; } = p.End;

        public int Done { get; private set; }

        public int Within { get; private set; }

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
