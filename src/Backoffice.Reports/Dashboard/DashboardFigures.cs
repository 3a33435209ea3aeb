using Backoffice.Reports.Bureau;
using Backoffice.Reports.Sla;
using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Reports.Dashboard;

/// <summary>The share of one stage's work done within its deadline, against the target.</summary>
/// <param name="Stage">The stage's code (<c>initial-review</c>, <c>submission</c>, ...).</param>
public sealed record StageAttainment(string Stage, string Name, int Done, int DoneWithinSla, double? ShareWithinSla, int Open, int OpenOverdue);

/// <summary>One China week (from its Monday, cut to the period): orders in, out, and the backlog at its end.</summary>
public sealed record WeekFlow(DateOnly Monday, int In, int Out, int Backlog);

/// <summary>The bureau's approval rate of one province's submissions (approved ÷ decided).</summary>
/// <param name="Province">The GB/T 2260 province code.</param>
public sealed record ProvinceApproval(string Province, string Name, int Approved, int Rejected, double? ApprovalRate);

/// <summary>The review tasks of one team escalated to its leads in the period, and how they stand now.</summary>
/// <param name="Team">The team's id.</param>
public sealed record TeamEscalations(string Team, string Name, int Escalated, int Orders, int Done, int Open);

/// <summary>A period of the comparison (China dates, both included).</summary>
public sealed record DashboardPeriod(DateOnly From, DateOnly To);

/// <summary>
/// The headline figures of the SLA and bureau-results workbooks for a period, beside the previous period and
/// the same period last year (as the workbooks' covers): the per-day figures of <see cref="DashboardDays"/> summed
/// over each period's days (the orders that changed and their days are computed again first), so the dashboard and the workbooks
/// show the same figures. For a team lead <see cref="Teams"/> names the teams shown: only their review stages and
/// escalations are summed (the SLA workbook's team filter), and the desk-wide figures (weeks, provinces) are left empty.
/// </summary>
public sealed record DashboardFigures(
    DateOnly From, DateOnly To, double SlaTarget, double ApprovalTarget, IReadOnlyList<string>? Teams,
    IReadOnlyList<StageAttainment> Stages, IReadOnlyList<WeekFlow> Weeks, IReadOnlyList<ProvinceApproval> Provinces,
    IReadOnlyList<TeamEscalations> Escalations, DashboardPeriod PreviousPeriod, DashboardPeriod SamePeriodLastYear,
    IReadOnlyList<HeadlineTrend> Headlines)
{
    /// <param name="teams">The teams a lead sees; null for the whole desk.</param>
    public static async Task<DashboardFigures> ReadAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, IReadOnlyList<string>? teams, CancellationToken ct)
    {
        ReportParameters[] periods = [p, Comparison.PreviousPeriod(p), Comparison.SamePeriodLastYear(p)];
        await DashboardDays.RefreshAsync(connection, calendar, ct);
        var names = await Names.LoadAsync(connection, p, ct);
        var escalations = new List<TeamEscalations>();
        IEnumerable<ReportParameters> scopes = teams is null ? [p] : teams.Select(t => p with { Team = t });
        foreach (var scope in scopes)
        {
            var escalated = new Escalations();
            await escalated.ReadAsync(connection, scope, names, null, ct);
            escalations.AddRange(escalated.Groups(names).Select(g => new TeamEscalations(
                g.Team, names.Team(g.Team), g.Counts.Escalated, g.Counts.Orders.Count, g.Counts.Done, g.Counts.Open)));
        }

        escalations = [.. escalations.OrderBy(e => Stage.Of(e.Team).Order).ThenBy(e => e.Name, StringComparer.Ordinal)];
        var sums = await DashboardSums.ReadAsync(connection, periods, teams, ct);
        var stages = sums.Stages.Where(s => s.Period == 0).OrderBy(s => Stage.Of(s.Stage).Order)
            .Select(s => new StageAttainment(s.Stage, Stage.Of(s.Stage).Name(p, names), s.Done, s.Within, s.Done == 0 ? null : (double)s.Within / s.Done, s.Open, s.OpenOverdue))
            .ToList();
        var done = Enumerable.Range(0, 3).Select(i => (sums.Stages.Where(s => s.Period == i).Sum(s => s.Done), sums.Stages.Where(s => s.Period == i).Sum(s => s.Within))).ToArray();
        var headlines = SlaComparison.Headlines(p, done[0], done[1], done[2]).ToList();
        var previous = new DashboardPeriod(periods[1].From, periods[1].To);
        var lastYear = new DashboardPeriod(periods[2].From, periods[2].To);
        if (teams is not null)
        {
            return new DashboardFigures(p.From, p.To, p.Targets.SlaShare, p.Targets.ApprovalRate, teams, stages, [], [], escalations, previous, lastYear,
                Trends(p, headlines));
        }

        var flow = new OrderFlow(p, new WorkingTime(calendar));
        foreach (var (came, left, orders) in sums.Flow)
        {
            flow.Count(came, left, orders);
        }

        var results = Enumerable.Range(0, 3).Select(i => sums.Provinces.Where(r => r.Period == i).ToList())
            .Select(r => (r.Sum(x => x.Submitted), r.Sum(x => x.Approved), r.Sum(x => x.Rejected))).ToArray();
        headlines.AddRange(BureauComparison.Headlines(p, results[0], results[1], results[2]));
        return new DashboardFigures(
            p.From, p.To, p.Targets.SlaShare, p.Targets.ApprovalRate, null, stages,
            flow.Weeks().Select(w => new WeekFlow(w.Monday, w.In, w.Out, w.Backlog)).ToList(),
            sums.Provinces.Where(r => r.Period == 0).OrderBy(r => r.Province, StringComparer.Ordinal)
                .Select(r => new ProvinceApproval(r.Province, Labels.Province(p, r.Province), r.Approved, r.Rejected,
                    r.Approved + r.Rejected == 0 ? null : (double)r.Approved / (r.Approved + r.Rejected))).ToList(),
            escalations, previous, lastYear, Trends(p, headlines));
    }

    private static List<HeadlineTrend> Trends(ReportParameters p, IEnumerable<Headline> headlines) =>
        [.. headlines.Select(h => HeadlineTrend.Of(h, p.Targets.AmberMargin))];
}
