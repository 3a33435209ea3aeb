using Dapper;
using Npgsql;

namespace Backoffice.Reports.Dashboard;

/// <summary>
/// The per-day figures of <see cref="DashboardDays"/> summed over periods (0: the period, 1: the previous one,
/// 2: the same period last year; a day counts in every period it is in): per stage and team the stages done,
/// done within their deadline, open and open past their deadline at the reading's time; per province the
/// bureau submissions and their results; and for the period, the orders in the desk at some time of it by the
/// day they came in (those before the period as one day) and went out.
/// </summary>
internal sealed record DashboardSums(
    IReadOnlyList<DashboardSums.StageSum> Stages, IReadOnlyList<DashboardSums.ProvinceSum> Provinces,
    IReadOnlyList<(DateOnly Came, DateOnly? Left, int Orders)> Flow)
{
    public sealed record StageSum(int Period, string Stage, int Done, int Within, int Open, int OpenOverdue);

    public sealed record ProvinceSum(int Period, string Province, int Submitted, int Approved, int Rejected);

    private const string Periods = "(select * from unnest(@froms, @tos) with ordinality as x(f, t, n)) p";

    public static async Task<DashboardSums> ReadAsync(NpgsqlConnection connection, IReadOnlyList<ReportParameters> periods, IReadOnlyList<string>? teams, CancellationToken ct)
    {
        var p = periods[0];
        var args = new
        {
            froms = periods.Select(x => x.From).ToArray(), tos = periods.Select(x => x.To).ToArray(),
            teams = teams?.ToArray() ?? [], desk = teams is null, now = p.GeneratedAt.UtcDateTime, from = p.From, to = p.To,
        };
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            select (p.n - 1)::int, d.stage, sum(d.done)::int, sum(d.within)::int, sum(cardinality(d.open_dues))::int,
                   coalesce(sum((select count(*) from unnest(d.open_dues) due where due < @now)), 0)::int
            from {Periods} join dashboard_stage_days d on d.day between p.f and p.t
            where @desk or d.team = any(@teams)
            group by p.n, d.stage;
            select (p.n - 1)::int, d.province, sum(d.submitted)::int, sum(d.approved)::int, sum(d.rejected)::int
            from {Periods} join dashboard_province_days d on d.day between p.f and p.t
            where @desk
            group by p.n, d.province;
            select greatest(d.day, @from - 1), d.left_day, sum(d.orders)::int
            from dashboard_flow_days d
            where @desk and d.day <= @to and (d.left_day is null or d.left_day >= @from)
            group by 1, 2;
            """, args, cancellationToken: ct));
        var stages = (await grid.ReadAsync<(int, string, int, int, int, int)>()).Select(r => new StageSum(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6)).ToList();
        var provinces = (await grid.ReadAsync<(int, string, int, int, int)>()).Select(r => new ProvinceSum(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5)).ToList();
        var flow = (await grid.ReadAsync<(DateOnly, DateOnly?, int)>()).ToList();
        return new DashboardSums(stages, provinces, flow);
    }
}
