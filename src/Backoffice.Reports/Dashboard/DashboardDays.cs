using Backoffice.Reports.Bureau;
using Backoffice.Reports.Sla;
using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Reports.Dashboard;

/// <summary>
/// The dashboard's figures kept per China day (db/0101): for each day, the stages that started that day per
/// stage and team (done, done within the deadline, the deadlines of those still open), the bureau submissions
/// made that day per province (submitted, approved, rejected) and the orders that came in that day by the day
/// they went out. A day is read with the workbooks' own queries (<see cref="SlaReport.StageRows"/>,
/// <see cref="BureauResultsReport.Attempts"/>) over that day and folded by their code, so the sum over a period's
/// days is the workbook's figure for the period. Triggers mark the days a change touches; <see cref="RefreshAsync"/>
/// recomputes the marked days, those never computed and those computed on another working-day calendar.
/// </summary>
public static class DashboardDays
{
    /// <summary>The orders that came in (first 已提交) in the window, with when they went out (first final status).</summary>
    private const string FlowRows =
        """
        select f.came, f.left_at
        from (select distinct order_id from filing_timeline where status = 'submitted' and at >= @start and at < @end) s
        join lateral (
            select min(l.at) filter (where l.status = 'submitted') as came,
                   min(l.at) filter (where l.status in ('approved', 'withdrawn', 'expired')) as left_at
            from filing_timeline l where l.order_id = s.order_id) f on true
        where f.came >= @start and f.came < @end
        """;

    /// <summary>The days from the first stage, submission or order coming in up to <c>@until</c> that need computing.</summary>
    private const string DaysToRefresh =
        """
        with first as (
            select least(
                (select min(created_at) from review_tasks),
                (select min(submitted_at) from bureau_submissions),
                (select min(at) from filing_timeline where status in ('submitted', 'sms-verification', 'bureau-review'))) as at)
        select d::date from first, generate_series(dashboard_china_day(first.at), @until, interval '1 day') d
        where not exists (select 1 from dashboard_days x where x.day = d::date and x.calendar = @calendar)
           or d::date in (select day from dashboard_stale_days)
        order by 1
        """;

    /// <summary>Up to this many days are computed without parallel workers.</summary>
    private const int FewDays = 7;

    /// <summary>The most days computed in one transaction.</summary>
    private const int Chunk = 31;

    /// <summary>
    /// Recomputes every day up to <paramref name="until"/> that changed since it was computed, at most <see cref="Chunk"/>
    /// days a transaction so that another reader waits for one chunk at most; the number of days recomputed.
    /// </summary>
    public static async Task<int> RefreshAsync(NpgsqlConnection connection, WorkingCalendar calendar, DateOnly until, CancellationToken ct)
    {
        if ((await DaysAsync(connection, calendar, until, null, ct)).Count == 0)
        {
            return 0;
        }

        // Chunk after chunk while there were more days than a chunk; a day marked meanwhile waits for the next reading.
        int done, total = 0;
        do
        {
            done = await RefreshChunkAsync(connection, calendar, until, ct);
            total += done;
        }
        while (done == Chunk);
        return total;
    }

    private static async Task<int> RefreshChunkAsync(NpgsqlConnection connection, WorkingCalendar calendar, DateOnly until, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext('dashboard_days'))", transaction: tx, cancellationToken: ct));
        var lastMark = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select coalesce(max(id), 0) from dashboard_stale_days", transaction: tx, cancellationToken: ct));
        var days = (await DaysAsync(connection, calendar, until, tx, ct)).Take(Chunk).ToList();
        if (days.Count <= FewDays)
        {
            // A day's rows are a few thousand: parallel workers would cost more to start than they save.
            await connection.ExecuteAsync(new CommandDefinition("set local max_parallel_workers_per_gather = 0", transaction: tx, cancellationToken: ct));
        }

        var time = new WorkingTime(calendar);
        foreach (var run in Runs(days))
        {
            var p = new ReportParameters { From = run.From, To = run.To, GeneratedBy = "dashboard", GeneratedAt = DateTimeOffset.UtcNow };
            var stages = await StagesAsync(connection, time, p, ct);
            var provinces = await ProvincesAsync(connection, time, p, ct);
            var flow = await FlowAsync(connection, p, ct);
            var runDays = Enumerable.Range(0, run.To.DayNumber - run.From.DayNumber + 1).Select(run.From.AddDays).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                delete from dashboard_days where day = any(@runDays);
                insert into dashboard_days (day, calendar, refreshed_at) select unnest(@runDays), @calendar, now();
                """, new { runDays, calendar = calendar.Fingerprint }, tx, cancellationToken: ct));
            await WriteAsync(connection, "dashboard_stage_days (day, stage, team, done, within, open_dues)", stages, (w, s) =>
            {
                w.Write(s.Key.Day, NpgsqlDbType.Date);
                w.Write(s.Key.Stage, NpgsqlDbType.Text);
                w.Write(s.Key.Team, NpgsqlDbType.Text);
                w.Write(s.Value.Done, NpgsqlDbType.Integer);
                w.Write(s.Value.Within, NpgsqlDbType.Integer);
                w.Write(s.Value.OpenDues.Select(d => d.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
            }, ct);
            await WriteAsync(connection, "dashboard_province_days (day, province, submitted, approved, rejected)", provinces, (w, r) =>
            {
                w.Write(r.Key.Day, NpgsqlDbType.Date);
                w.Write(r.Key.Province, NpgsqlDbType.Text);
                w.Write(r.Value.Submitted, NpgsqlDbType.Integer);
                w.Write(r.Value.Approved, NpgsqlDbType.Integer);
                w.Write(r.Value.Rejected, NpgsqlDbType.Integer);
            }, ct);
            await WriteAsync(connection, "dashboard_flow_days (day, left_day, orders)", flow, (w, f) =>
            {
                w.Write(f.Key.Came, NpgsqlDbType.Date);
                if (f.Key.Left is { } left)
                {
                    w.Write(left, NpgsqlDbType.Date);
                }
                else
                {
                    w.WriteNull();
                }

                w.Write(f.Value, NpgsqlDbType.Integer);
            }, ct);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "delete from dashboard_stale_days where id <= @lastMark and day = any(@days)", new { lastMark, days = days.ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return days.Count;
    }

    /// <summary>The China day of an instant, as the workbooks place it (<see cref="DetailSheet.ToChina"/>).</summary>
    internal static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(DetailSheet.ToChina(at));

    private static async Task<List<DateOnly>> DaysAsync(NpgsqlConnection connection, WorkingCalendar calendar, DateOnly until, NpgsqlTransaction? tx, CancellationToken ct) =>
        [.. await connection.QueryAsync<DateOnly>(new CommandDefinition(DaysToRefresh, new { until, calendar = calendar.Fingerprint }, tx, cancellationToken: ct))];

    /// <summary>Consecutive days as ranges, so that each range is read with one query per kind.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Runs(IReadOnlyList<DateOnly> days)
    {
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j].AddDays(1))
            {
                j++;
            }

            yield return (days[i], days[j]);
            i = j + 1;
        }
    }

    private sealed class StageDay
    {
        public int Done { get; set; }

        public int Within { get; set; }

        public List<DateTimeOffset> OpenDues { get; } = [];
    }

    private static async Task<Dictionary<(DateOnly Day, string Stage, string Team), StageDay>> StagesAsync(
        NpgsqlConnection connection, WorkingTime time, ReportParameters p, CancellationToken ct)
    {
        var days = new Dictionary<(DateOnly, string, string), StageDay>();
        await using var command = Report.Command(connection, SlaReport.StageRows, p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (stage, team, _, started, due, done) = SlaReport.ReadStage(reader, time);
            var key = (Day(started), stage.Key, team ?? "");
            if (!days.TryGetValue(key, out var day))
            {
                day = new StageDay();
                days[key] = day;
            }

            if (done is { } finished)
            {
                day.Done++;
                day.Within += finished <= due ? 1 : 0;
            }
            else
            {
                day.OpenDues.Add(due);
            }
        }

        return days;
    }

    private static async Task<Dictionary<(DateOnly Day, string Province), BureauResultsReport.ProvinceResults>> ProvincesAsync(
        NpgsqlConnection connection, WorkingTime time, ReportParameters p, CancellationToken ct)
    {
        var days = new Dictionary<(DateOnly, string), BureauResultsReport.ProvinceResults>();
        await using var command = Report.Command(connection, BureauResultsReport.Attempts, p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var a = BureauResultsReport.ReadAttempt(reader, time);
            var key = (Day(a.Submitted), a.Province);
            if (!days.TryGetValue(key, out var results))
            {
                results = new BureauResultsReport.ProvinceResults();
                days[key] = results;
            }

            results.Add(a.Attempt, a.Result, a.Codes, a.ReviewDays, a.WithinLimit);
        }

        return days;
    }

    private static async Task<Dictionary<(DateOnly Came, DateOnly? Left), int>> FlowAsync(NpgsqlConnection connection, ReportParameters p, CancellationToken ct)
    {
        var days = new Dictionary<(DateOnly, DateOnly?), int>();
        await using var command = Report.Command(connection, FlowRows, p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = (Day(reader.GetFieldValue<DateTimeOffset>(0)), reader.IsDBNull(1) ? (DateOnly?)null : Day(reader.GetFieldValue<DateTimeOffset>(1)));
            days[key] = days.GetValueOrDefault(key) + 1;
        }

        return days;
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
