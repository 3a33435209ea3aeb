using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Bureau;

/// <summary>
/// The bureau-results cover's comparison: submissions, approvals and rejections (an expired SMS verification among them)
/// in the period, the previous period and the same period last year. The report's one attempts query reads the
/// submissions of all three periods (<see cref="Comparison.Window"/>) and each counts in every period it was made in
/// (a 366-day period can overlap last year's), so the comparison costs no query of its own.
/// </summary>
internal sealed class BureauComparison
{
    private readonly ReportParameters _p;
    private readonly Period _current;
    private readonly Period _previous;
    private readonly Period _lastYear;

    public BureauComparison(ReportParameters p)
    {
        _p = p;
        _current = new Period(p);
        _previous = new Period(Comparison.PreviousPeriod(p));
        _lastYear = new Period(Comparison.SamePeriodLastYear(p));
    }

    /// <summary>Counts a submission and its result in each period it was made in; true when it was made in the report's own period.</summary>
    public bool Add(DateTimeOffset submitted, string? result)
    {
        _previous.Add(submitted, result);
        _lastYear.Add(submitted, result);
        return _current.Add(submitted, result);
    }

    public IReadOnlyList<Headline> Headlines() =>
        Headlines(_p, _current.Results, _previous.Results, _lastYear.Results);

    /// <summary>The cover's headlines from the submissions of each period and their results (the dashboard's too).</summary>
    public static IReadOnlyList<Headline> Headlines(ReportParameters p, (int Submitted, int Approved, int Rejected) current,
        (int Submitted, int Approved, int Rejected) previous, (int Submitted, int Approved, int Rejected) lastYear) =>
    [
        new(p.T("通过率", "Approval rate"), ApprovalRate(current), ApprovalRate(previous), ApprovalRate(lastYear), p.Targets.ApprovalRate),
        new(p.T("提交", "Submitted"), current.Submitted, previous.Submitted, lastYear.Submitted),
        new(p.T("通过", "Approved"), current.Approved, previous.Approved, lastYear.Approved),
        new(p.T("退回", "Rejected"), current.Rejected, previous.Rejected, lastYear.Rejected),
    ];

    /// <summary>Approved ÷ decided, as the 按省份 sheet counts it; none when nothing was decided.</summary>
    private static double? ApprovalRate((int Submitted, int Approved, int Rejected) results) =>
        results.Approved + results.Rejected == 0 ? null : (double)results.Approved / (results.Approved + results.Rejected);

    private sealed class Period(ReportParameters p)
    {
        public int Submitted { get; private set; }

        public int Approved { get; private set; }

        public int Rejected { get; private set; }

        public (int Submitted, int Approved, int Rejected) Results => (Submitted, Approved, Rejected);

        public bool Add(DateTimeOffset submitted, string? result)
        {
            if (!Comparison.Contains(p, submitted))
            {
                return false;
            }

            Submitted++;
            Approved += result == "approved" ? 1 : 0;
            Rejected += result is "rejected" or BureauResultsReport.SmsExpired ? 1 : 0;
            return true;
        }
    }
}
