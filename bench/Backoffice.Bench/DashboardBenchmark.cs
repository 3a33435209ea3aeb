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
/// for one team's lead, a quarter for the whole desk, and the 30 days with one of its days changed before each
/// reading (computed again in the reading). First the per-day figures of every day are computed, timed. Each is
/// read <c>Reads</c> times after one warm-up read; p50 and p95 of the wall times.
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
        var computed = await DashboardDays.RefreshAsync(connection, calendar, new DateOnly(2025, 12, 31), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard per-day figures: {computed} days computed in {first.Elapsed.TotalSeconds:F1} s (none when kept from an earlier run)"));
        Console.WriteLine($"dashboard figures with the trend (three periods), {Reads} reads each after a warm-up: p50 and p95 in ms");
        foreach (var (label, from, to, teams, changedDay) in new (string, DateOnly, DateOnly, IReadOnlyList<string>?, DateOnly?)[]
        {
            ("30 days, whole desk", new(2025, 11, 1), new(2025, 11, 30), null, null),
            ("30 days, one team's lead", new(2025, 11, 1), new(2025, 11, 30), ["initial-review"], null),
            ("a quarter, whole desk", new(2025, 10, 1), new(2025, 12, 31), null, null),
            ("30 days, a day changed", new(2025, 11, 1), new(2025, 11, 30), null, new(2025, 11, 28)),
        })
        {
            var p = new ReportParameters { From = from, To = to, GeneratedBy = "bench", GeneratedAt = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)) };
            await DashboardFigures.ReadAsync(connection, calendar, p, teams, CancellationToken.None);
            var times = new List<double>();
            for (var read = 0; read < Reads; read++)
            {
                if (changedDay is { } day)
                {
                    await using var mark = new NpgsqlCommand("insert into dashboard_stale_days (day) values (@day)", connection);
                    mark.Parameters.AddWithValue("day", day);
                    await mark.ExecuteNonQueryAsync();
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
}
