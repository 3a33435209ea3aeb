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

/// <summary>
/// The headline figures of the SLA and bureau-results workbooks for a period: read with the workbooks' own
/// queries and folded by the same code, so the dashboard and the workbooks show the same figures.
/// </summary>
public sealed record DashboardFigures(
    DateOnly From, DateOnly To, double SlaTarget, double ApprovalTarget,
    IReadOnlyList<StageAttainment> Stages, IReadOnlyList<WeekFlow> Weeks, IReadOnlyList<ProvinceApproval> Provinces)
{
    public static async Task<DashboardFigures> ReadAsync(NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, CancellationToken ct)
    {
        var time = new WorkingTime(calendar);
        var byStage = new Dictionary<Stage, Durations>();
        await using (var command = Report.Command(connection, SlaReport.StageRows, p))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
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
            p.From, p.To, p.Targets.SlaShare, p.Targets.ApprovalRate,
            byStage.OrderBy(s => s.Key.Order)
                .Select(s => new StageAttainment(s.Key.Key, s.Key.Name(p), s.Value.Count, s.Value.WithinSla, s.Value.ShareWithinSla, s.Value.Open, s.Value.OpenOverdue))
                .ToList(),
            flow.Weeks().Select(w => new WeekFlow(w.Monday, w.In, w.Out, w.Backlog)).ToList(),
            provinces.Select(x => new ProvinceApproval(x.Key, Labels.Province(p, x.Key), x.Value.Approved, x.Value.Rejected, x.Value.ApprovalRate)).ToList());
    }
}
