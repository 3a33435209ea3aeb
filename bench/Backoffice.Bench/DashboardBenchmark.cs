using System.Diagnostics;
using System.Globalization;
using Backoffice.Reports;
using Backoffice.Reports.Dashboard;
using Backoffice.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The dashboard's figures read on the reports benchmark's seeded year, as the page reads them (with the trend:
/// the period, the previous one and the same period last year): the default 30-day period for the whole desk and
/// for one team's lead, a quarter for the whole desk, and the 30 days with one order, then three orders, changed
/// before each reading as on a live desk (a review task of each completed or reopened, its trigger marks the order;
/// computed again in the reading). First the figures of every order are computed, timed. Each is read <c>Reads</c>
/// times after one warm-up read; p50 and p95 of the wall times.
/// </summary>
public static class DashboardBenchmark
{
    private const int Reads = 20;

    public static async Task RunAsync(IServiceProvider services)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var calendar = await services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, CancellationToken.None);
        var first = Stopwatch.StartNew();
        var computed = await DashboardDays.RefreshAsync(connection, calendar, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard figures: {computed} changed orders computed in {first.Elapsed.TotalSeconds:F1} s (every order on the first run)"));
        var tasks = await TasksToChangeAsync(connection);
        Console.WriteLine($"dashboard figures with the trend (three periods), {Reads} reads each after a warm-up: p50 and p95 in ms");
        foreach (var (label, from, to, teams, changed) in new (string, DateOnly, DateOnly, IReadOnlyList<string>?, int)[]
        {
            ("30 days, whole desk", new(2025, 11, 1), new(2025, 11, 30), null, 0),
            ("30 days, one team's lead", new(2025, 11, 1), new(2025, 11, 30), ["initial-review"], 0),
            ("a quarter, whole desk", new(2025, 10, 1), new(2025, 12, 31), null, 0),
            ("30 days, one order changed", new(2025, 11, 1), new(2025, 11, 30), null, 1),
            ("30 days, 3 orders changed", new(2025, 11, 1), new(2025, 11, 30), null, 3),
        })
        {
            var p = new ReportParameters { From = from, To = to, GeneratedBy = "bench", GeneratedAt = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)) };
            await DashboardFigures.ReadAsync(connection, calendar, p, teams, CancellationToken.None);
            var times = new List<double>();
            for (var read = 0; read < Reads; read++)
            {
                if (changed > 0)
                {
                    await ChangeOrdersAsync(connection, tasks.Skip(read * changed).Take(changed));
                }

                var watch = Stopwatch.StartNew();
                await DashboardFigures.ReadAsync(connection, calendar, p, teams, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-26} p50 {times[Reads / 2],8:F0}   p95 {times[(int)Math.Ceiling(Reads * 0.95) - 1],8:F0}   load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
    }

    /// <summary>
    /// The review tasks of 3 × <c>Reads</c> orders of November 2025 (second review): each reading that changes orders
    /// completes a task of one or three of them (or reopens it when done), as the desk does; the trigger marks each order.
    /// </summary>
    private static async Task<Guid[]> TasksToChangeAsync(NpgsqlConnection connection)
    {
        await using var select = new NpgsqlCommand(
            """
            select id from review_tasks
            where created_at >= '2025-11-10+08' and created_at < '2025-11-20+08' and team = 'second-review'
            order by id limit @n
            """, connection);
        select.Parameters.AddWithValue("n", 3 * Reads);
        var tasks = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tasks.Add(reader.GetGuid(0));
        }

        return [.. tasks];
    }

    private static async Task ChangeOrdersAsync(NpgsqlConnection connection, IEnumerable<Guid> tasks)
    {
        await using var change = new NpgsqlCommand(
            """
            update review_tasks set status = case when status = 'done' then 'open' else 'done' end,
                                    completed_at = case when status = 'done' then null else created_at + interval '1 hour' end
            where id = any(@tasks)
            """, connection);
        change.Parameters.AddWithValue("tasks", tasks.ToArray());
        await change.ExecuteNonQueryAsync();
    }
}
