using Backoffice.Reports.Bureau;
using Backoffice.Reports.Sla;
using Backoffice.Reports.Statistics;
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

/// <summary>
/// The headline figures of the SLA and bureau-results workbooks for a period: read with the workbooks' own
/// queries and folded by the same code, so the dashboard and the workbooks show the same figures. For a
/// team lead <see cref="Teams"/> names the teams shown: only their review stages and escalations are read,
/// each with the SLA workbook's team filter, and the desk-wide figures (weeks, provinces) are left empty.
/// </summary>
public sealed record DashboardFigures(
    DateOnly From, DateOnly To, double SlaTarget, double ApprovalTarget, IReadOnlyList<string>? Teams,
    IReadOnlyList<StageAttainment> Stages, IReadOnlyList<WeekFlow> Weeks, IReadOnlyList<ProvinceApproval> Provinces,
    IReadOnlyList<TeamEscalations> Escalations)
{
    /// <param name="teams">The teams a lead sees; null for the whole desk.</param>
    public static async Task<DashboardFigures> ReadAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, IReadOnlyList<string>? teams, CancellationToken ct)
    {
        var time = new WorkingTime(calendar);
        var names = await Names.LoadAsync(connection, p, ct);
        var byStage = new Dictionary<Stage, Durations>();
        var escalations = new List<TeamEscalations>();
        IEnumerable<ReportParameters> scopes = teams is null ? [p] : teams.Select(t => p with { Team = t });
        foreach (var scope in scopes)
        {
            await ReadStagesAsync(connection, time, scope, byStage, ct);
            var escalated = new Escalations();
            await escalated.ReadAsync(connection, scope, names, null, ct);
            escalations.AddRange(escalated.Groups(names).Select(g => new TeamEscalations(
                g.Team, names.Team(g.Team), g.Counts.Escalated, g.Counts.Orders.Count, g.Counts.Done, g.Counts.Open)));
        }

        var stages = byStage.OrderBy(s => s.Key.Order)
            .Select(s => new StageAttainment(s.Key.Key, s.Key.Name(p), s.Value.Count, s.Value.WithinSla, s.Value.ShareWithinSla, s.Value.Open, s.Value.OpenOverdue))
            .ToList();
        escalations = [.. escalations.OrderBy(e => Stage.Of(e.Team).Order).ThenBy(e => e.Name, StringComparer.Ordinal)];
        if (teams is not null)
        {
            return new DashboardFigures(p.From, p.To, p.Targets.SlaShare, p.Targets.ApprovalRate, teams, stages, [], [], escalations);
        }

        var flow = new OrderFlow(p, time);
        await using (var command = Report.Command(connection, OrderFlow.Rows, p))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await flow.ReadAsync(reader, ct);
        }

        var provinces = new SortedDictionary<string, BureauResultsReport.ProvinceResults>(StringComparer.Ordinal);
        var overall = new BureauResultsReport.ProvinceResults();
        await using (var command = Report.Command(connection, BureauResultsReport.Attempts, p))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var a = BureauResultsReport.ReadAttempt(reader, time);
                BureauResultsReport.Fold(provinces, overall, a.Province, a.Attempt, a.Result, a.Codes, a.ReviewDays, a.WithinLimit);
            }
        }

        return new DashboardFigures(
            p.From, p.To, p.Targets.SlaShare, p.Targets.ApprovalRate, null, stages,
            flow.Weeks().Select(w => new WeekFlow(w.Monday, w.In, w.Out, w.Backlog)).ToList(),
            provinces.Select(x => new ProvinceApproval(x.Key, Labels.Province(p, x.Key), x.Value.Approved, x.Value.Rejected, x.Value.ApprovalRate)).ToList(),
            escalations);
    }

    /// <summary>The SLA workbook's stage rows for the period (one team's when <paramref name="p"/> has a team), folded per stage.</summary>
    private static async Task ReadStagesAsync(NpgsqlConnection connection, WorkingTime time, ReportParameters p, Dictionary<Stage, Durations> byStage, CancellationToken ct)
    {
        await using var command = Report.Command(connection, SlaReport.StageRows, p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (stage, _, _, started, due, done) = SlaReport.ReadStage(reader, time);
            var group = SlaReport.Get(byStage, stage);
            if (done is { } finished)
            {
                group.AddDone(stage.Measure(started, finished, time), finished <= due);
            }
            else
            {
                group.AddOpen(p.GeneratedAt > due);
            }
        }
    }
}
