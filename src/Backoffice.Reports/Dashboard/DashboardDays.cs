using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;

namespace Backoffice.Reports.Dashboard;

/// <summary>
/// The dashboard's per-day figures (China dates), summed from the per-order figures of <see cref="DashboardOrders"/>:
/// per day, stage and team the stages that started that day (done, done within the deadline, the deadlines of those
/// still open), per day and province the bureau submissions (submitted, approved, rejected), and the orders that came
/// in that day by the day they went out. Triggers append the id of each changed order to <c>dashboard_stale_orders</c>;
/// <see cref="RefreshAsync"/> computes those orders again, then sums again the days they counted in before or count in
/// now. After a working-day calendar edit (and after db/0111) every order is computed again.
/// </summary>
public static class DashboardDays
{
    /// <summary>
    /// The most marks (changed orders) computed in one transaction: few enough that each order's rows are read through
    /// its indexes (with ten times as many the planner scans the tables whole, ten seconds and more a chunk).
    /// </summary>
    private const int Chunk = 1_000;

    /// <summary>
    /// Computes again every order marked since it was computed, <see cref="Chunk"/> marks a transaction so that another
    /// reader waits for one chunk at most, then the days they touch; the number of marks read.
    /// </summary>
    public static async Task<int> RefreshAsync(NpgsqlConnection connection, WorkingCalendar calendar, CancellationToken ct)
    {
        int read, total = 0;
        do
        {
            read = await RefreshChunkAsync(connection, calendar, ct);
            total += read;
        }
        while (read == Chunk);
        return total;
    }

    private static async Task<int> RefreshChunkAsync(NpgsqlConnection connection, WorkingCalendar calendar, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        const string Marks = "select id, order_id from dashboard_stale_orders order by id limit @Chunk";
        List<(long Id, Guid Order)> marks;
        using (var state = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            select pg_advisory_xact_lock(hashtext('dashboard_days'));
            select set_config('max_parallel_workers_per_gather', '0', true);
            select calendar from dashboard_calendar;
            {Marks};
            """, new { Chunk }, tx, cancellationToken: ct)))
        {
            await state.ReadAsync<object>();
            await state.ReadAsync<object>();
            var kept = await state.ReadSingleOrDefaultAsync<string?>();
            marks = [.. await state.ReadAsync<(long, Guid)>()];
            if (kept != calendar.Fingerprint)
            {
                await ComputeEverythingAgainAsync(connection, tx, calendar, ct);
                marks = [.. await connection.QueryAsync<(long, Guid)>(new CommandDefinition(Marks, new { Chunk }, tx, cancellationToken: ct))];
            }
        }

        if (marks.Count > 0)
        {
            var orders = marks.Select(m => m.Order).Distinct().ToArray();
            var days = await DashboardOrders.ComputeAsync(connection, tx, new WorkingTime(calendar), orders, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into dashboard_pending_days (day) select unnest(@days);
                delete from dashboard_stale_orders where id = any(@ids);
                """, new { days = days.ToArray(), ids = marks.Select(m => m.Id).ToArray() }, tx, cancellationToken: ct));
        }

        if (marks.Count < Chunk)
        {
            await SumPendingDaysAsync(connection, tx, ct);
        }

        await tx.CommitAsync(ct);
        return marks.Count;
    }

    /// <summary>Drops every figure and marks every order, oldest first (so that a chunk touches few days).</summary>
    private static Task ComputeEverythingAgainAsync(NpgsqlConnection connection, NpgsqlTransaction tx, WorkingCalendar calendar, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            truncate dashboard_order_stages, dashboard_order_provinces, dashboard_order_flow, dashboard_stale_orders, dashboard_pending_days,
                     dashboard_stage_days, dashboard_province_days, dashboard_flow_days, dashboard_calendar;
            insert into dashboard_calendar (calendar) values (@calendar);
            insert into dashboard_stale_orders (order_id) select id from filing_orders order by created_at, id;
            """, new { calendar = calendar.Fingerprint }, tx, cancellationToken: ct));

    /// <summary>Sums again the pending days' figures from the per-order rows (an index on the day: a small group-by a day).</summary>
    private static async Task SumPendingDaysAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var days = (await connection.QueryAsync<DateOnly>(new CommandDefinition(
            "delete from dashboard_pending_days returning day", transaction: tx, cancellationToken: ct))).Distinct().ToArray();
        if (days.Length == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            delete from dashboard_stage_days where day = any(@days);
            insert into dashboard_stage_days (day, stage, team, done, within, open_dues)
            select day, stage, team, g.done, g.within, coalesce(d.dues, '{}')
            from (select day, stage, team, sum(done)::int as done, sum(within)::int as within
                  from dashboard_order_stages where day = any(@days) group by day, stage, team) g
            left join (select day, stage, team, array_agg(due) as dues
                       from dashboard_order_stages, unnest(open_dues) due
                       where day = any(@days) group by day, stage, team) d using (day, stage, team);
            delete from dashboard_province_days where day = any(@days);
            insert into dashboard_province_days (day, province, submitted, approved, rejected)
            select day, province, sum(submitted)::int, sum(approved)::int, sum(rejected)::int
            from dashboard_order_provinces where day = any(@days) group by day, province;
            delete from dashboard_flow_days where day = any(@days);
            insert into dashboard_flow_days (day, left_day, orders)
            select came, left_day, count(*)::int from dashboard_order_flow where came = any(@days) group by came, left_day;
            """, new { days }, tx, cancellationToken: ct));
    }

    /// <summary>The China day of an instant, as the workbooks place it (<see cref="DetailSheet.ToChina"/>).</summary>
    internal static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(DetailSheet.ToChina(at));
}
