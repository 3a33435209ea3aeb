using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Bureau;

/// <summary>
/// The bureau-results cover's comparison: submissions, approvals and rejections (an expired SMS verification among them)
/// in the period, the previous period and the same period last year. The report's one attempts query reads the
/// submissions of all three periods (<see cref="Comparison.Window"/>), so the comparison costs no query of its own.
/// </summary>
internal sealed class BureauComparison(ReportParameters p)
{
    private readonly ComparedPeriods<Tally> _periods = new(p);

    /// <summary>Counts a submission and its result in each period it was made in; true when it was made in the report's own period.</summary>
    public bool Add(DateTimeOffset submitted, string? result) => _periods.Add(submitted, result, static (tally, r) => tally.Add(r));

    public IReadOnlyList<Headline> Headlines() =>
        Headlines(p, _periods.Current.Results, _periods.Previous.Results, _periods.LastYear.Results);

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

    private sealed class Tally
    {
        public (int Submitted, int Approved, int Rejected) Results { get; private set; }

        public void Add(string? result) => Results = (
            Results.Submitted + 1,
            Results.Approved + (result == "approved" ? 1 : 0),
            Results.Rejected + (result is "rejected" or BureauResultsReport.SmsExpired ? 1 : 0));
    }
}
