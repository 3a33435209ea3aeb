using Backoffice.Reports.Bureau;
using Backoffice.Reports.Sla;
using Backoffice.Reports.Statistics;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Reports.Dashboard;

/// <summary>
/// The dashboard's figures kept per order (db/0111), read with the workbooks' own queries restricted to the orders
/// (<see cref="SlaReport.StageRows"/>, <see cref="BureauResultsReport.Attempts"/>, <see cref="OrderFlow.Rows"/>, with
/// <c>@orders</c>) and folded by their code: per China day, stage and team the order's stages that started that day
/// (done, done within the deadline, the deadlines of those still open), per day and province its bureau submissions
/// (submitted, approved, rejected), and the day it came in and the day it went out.
/// </summary>
internal static class DashboardOrders
{
    /// <summary>Every instant an order's rows may carry: the window of the workbooks' queries when read per order.</summary>
    private static readonly ReportParameters AllTime = new()
    {
        From = new DateOnly(2000, 1, 1), To = new DateOnly(2999, 12, 31), GeneratedBy = "dashboard", GeneratedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>Computes again the figures of <paramref name="orders"/>; the days they counted in before or count in now.</summary>
    public static async Task<HashSet<DateOnly>> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, WorkingTime time, Guid[] orders, CancellationToken ct)
    {
        var stages = await StagesAsync(connection, time, orders, ct);
        var provinces = await ProvincesAsync(connection, time, orders, ct);
        var flow = await FlowAsync(connection, orders, ct);
        var days = (await connection.QueryAsync<DateOnly>(new CommandDefinition(
            """
            with s as (delete from dashboard_order_stages where order_id = any(@orders) returning day),
                 p as (delete from dashboard_order_provinces where order_id = any(@orders) returning day),
                 f as (delete from dashboard_order_flow where order_id = any(@orders) returning came)
            select day from s union select day from p union select came from f
            """, new { orders }, tx, cancellationToken: ct))).ToHashSet();
        days.UnionWith(stages.Keys.Select(k => k.Day));
        days.UnionWith(provinces.Keys.Select(k => k.Day));
        days.UnionWith(flow.Values.Select(f => f.Came));

        await WriteAsync(connection, "dashboard_order_stages (order_id, day, stage, team, done, within, open_dues)", stages, (w, s) =>
        {
            w.Write(s.Key.Order, NpgsqlDbType.Uuid);
            w.Write(s.Key.Day, NpgsqlDbType.Date);
            w.Write(s.Key.Stage, NpgsqlDbType.Text);
            w.Write(s.Key.Team, NpgsqlDbType.Text);
            w.Write(s.Value.Done, NpgsqlDbType.Integer);
            w.Write(s.Value.Within, NpgsqlDbType.Integer);
            w.Write(s.Value.OpenDues.Select(d => d.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
        }, ct);
        await WriteAsync(connection, "dashboard_order_provinces (order_id, day, province, submitted, approved, rejected)", provinces, (w, r) =>
        {
            w.Write(r.Key.Order, NpgsqlDbType.Uuid);
            w.Write(r.Key.Day, NpgsqlDbType.Date);
            w.Write(r.Key.Province, NpgsqlDbType.Text);
            w.Write(r.Value.Submitted, NpgsqlDbType.Integer);
            w.Write(r.Value.Approved, NpgsqlDbType.Integer);
            w.Write(r.Value.Rejected, NpgsqlDbType.Integer);
        }, ct);
        await WriteAsync(connection, "dashboard_order_flow (order_id, came, left_day)", flow, (w, f) =>
        {
            w.Write(f.Key, NpgsqlDbType.Uuid);
            w.Write(f.Value.Came, NpgsqlDbType.Date);
            if (f.Value.Left is { } left)
            {
                w.Write(left, NpgsqlDbType.Date);
            }
            else
            {
                w.WriteNull();
            }
        }, ct);
        return days;
    }

    private sealed class StageFigures
    {
        public int Done { get; set; }

        public int Within { get; set; }

        public List<DateTimeOffset> OpenDues { get; } = [];
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Guid[] orders)
    {
        var command = Report.Command(connection, sql, AllTime);
        command.Parameters["orders"].Value = orders;
        return command;
    }

    private static async Task<Dictionary<(Guid Order, DateOnly Day, string Stage, string Team), StageFigures>> StagesAsync(
        NpgsqlConnection connection, WorkingTime time, Guid[] orders, CancellationToken ct)
    {
        var figures = new Dictionary<(Guid, DateOnly, string, string), StageFigures>();
        await using var command = Command(connection, SlaReport.StageRows, orders);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (stage, team, _, started, due, done) = SlaReport.ReadStage(reader, time);
            var key = (reader.GetGuid(0), DashboardDays.Day(started), stage.Key, team ?? "");
            if (!figures.TryGetValue(key, out var figure))
            {
                figure = new StageFigures();
                figures[key] = figure;
            }

            if (done is { } finished)
            {
                figure.Done++;
                figure.Within += finished <= due ? 1 : 0;
            }
            else
            {
                figure.OpenDues.Add(due);
            }
        }

        return figures;
    }

    private static async Task<Dictionary<(Guid Order, DateOnly Day, string Province), BureauResultsReport.ProvinceResults>> ProvincesAsync(
        NpgsqlConnection connection, WorkingTime time, Guid[] orders, CancellationToken ct)
    {
        var figures = new Dictionary<(Guid, DateOnly, string), BureauResultsReport.ProvinceResults>();
        await using var command = Command(connection, BureauResultsReport.Attempts, orders);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var a = BureauResultsReport.ReadAttempt(reader, time);
            var key = (reader.GetGuid(0), DashboardDays.Day(a.Submitted), a.Province);
            if (!figures.TryGetValue(key, out var results))
            {
                results = new BureauResultsReport.ProvinceResults();
                figures[key] = results;
            }

            results.Add(a.Attempt, a.Result, a.Codes, a.ReviewDays, a.WithinLimit);
        }

        return figures;
    }

    private static async Task<Dictionary<Guid, (DateOnly Came, DateOnly? Left)>> FlowAsync(NpgsqlConnection connection, Guid[] orders, CancellationToken ct)
    {
        var figures = new Dictionary<Guid, (DateOnly, DateOnly?)>();
        await using var command = Command(connection, OrderFlow.Rows, orders);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            figures[reader.GetGuid(5)] = (DashboardDays.Day(reader.GetFieldValue<DateTimeOffset>(2)),
                reader.IsDBNull(3) ? null : DashboardDays.Day(reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return figures;
    }

    private static async Task WriteAsync<T>(NpgsqlConnection connection, string table, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {table} from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            write(importer, row);
        }

        await importer.CompleteAsync(ct);
    }
}
