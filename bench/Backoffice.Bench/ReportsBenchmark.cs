using System.Diagnostics;
using System.Globalization;
using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The reports benchmark: for each size, seeds that many orders over 2025 (ReportsSeed.sql) and builds
/// each report over the year, every build in a child process of its own so that its peak resident memory
/// (VmHWM) and CPU time are its own. Then, at the first size up to 200,000 orders, the bureau-results
/// detail sheet on the same rows streamed with OpenXmlWriter against written cell by cell through ClosedXML
/// (the baseline). Last, the dashboard's figures read on the same rows (<see cref="DashboardBenchmark"/>).
/// </summary>
public static class ReportsBenchmark
{
    public const string ChildMode = "report-build";
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);

    /// <summary>Open work is aged up to this moment, a few days after the period.</summary>
    private static readonly DateTimeOffset GeneratedAt = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The detail-writing comparison runs at the first size up to this (ClosedXML needs gigabytes beyond).</summary>
    private const int CompareUpTo = 200_000;

    private sealed record Build(double Seconds, double CpuSeconds, long PeakBytes, long FileBytes, long Rows);

    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<int> sizes)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        Console.WriteLine($"Reports benchmark over 2025 ({From:yyyy-MM-dd} ~ {To:yyyy-MM-dd}), each build in a child process; medians of the runs");
        foreach (var size in sizes)
        {
            var runs = size >= 1_000_000 ? 1 : 3;
            var watch = Stopwatch.StartNew();
            await SeedAsync(dataSource, size);
            Console.WriteLine(Invariant($"\n{size:N0} orders seeded in {watch.Elapsed.TotalSeconds:F0} s; {runs} run(s) per build"));
            Console.WriteLine("report            detail writing   rows read    time (s)   CPU (s)   peak RSS (MiB)   file (MiB)");
            foreach (var kind in Report.Kinds)
            {
                Print(kind, DetailWriting.Streamed, Median(Enumerable.Range(0, runs).Select(_ => BuildInChild(kind, DetailWriting.Streamed)).ToList()));
            }

            if (size == sizes.FirstOrDefault(s => s <= CompareUpTo))
            {
                var streamed = Median(Enumerable.Range(0, runs).Select(_ => BuildInChild(Report.BureauResults, DetailWriting.Streamed)).ToList());
                var closedXml = Median(Enumerable.Range(0, runs).Select(_ => BuildInChild(Report.BureauResults, DetailWriting.ClosedXml)).ToList());
                Console.WriteLine("the same bureau-results rows, detail sheet written two ways:");
                Print(Report.BureauResults, DetailWriting.Streamed, streamed);
                Print(Report.BureauResults, DetailWriting.ClosedXml, closedXml);
                Console.WriteLine(Invariant(
                    $"ClosedXML / streamed: time {closedXml.Seconds / streamed.Seconds:F2}x, peak memory {(double)closedXml.PeakBytes / streamed.PeakBytes:F2}x"));
            }

            await DashboardBenchmark.RunAsync(services);
        }
    }

    /// <summary>The child: builds one report into a temporary file and prints seconds, peak RSS, file size and rows read.</summary>
    public static async Task BuildOnceAsync(IServiceProvider services, string kind, DetailWriting details)
    {
        var watch = Stopwatch.StartNew();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var calendar = await services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, CancellationToken.None);
        var parameters = new ReportParameters
        {
            From = kind == Report.PublicSecurity ? To : From, To = To, GeneratedBy = "bench", GeneratedAt = GeneratedAt,
        };
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var rows = new RowCount();
        await Report.For(kind, details).BuildAsync(connection, calendar, parameters, file, rows, CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(Invariant($"{watch.Elapsed.TotalSeconds:F3} {cpu:F3} {PeakResidentBytes()} {file.Length} {rows.Rows}"));
    }

    private static Build BuildInChild(string kind, DetailWriting details)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReportsBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { ChildMode, kind, details.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {kind} build failed ({child.ExitCode}): {output}");
        }

        var figures = output.Trim().Split('\n')[^1].Split(' ');
        return new Build(double.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture),
            long.Parse(figures[2], CultureInfo.InvariantCulture), long.Parse(figures[3], CultureInfo.InvariantCulture), long.Parse(figures[4], CultureInfo.InvariantCulture));
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, int orders)
    {
        var sql = await SeedScripts.ReadAsync("ReportsSeed.sql");
        await using var connection = await dataSource.OpenConnectionAsync();
        const string Tables = "filing_orders, workflow_instances, review_tasks, bureau_submissions, bureau_events, filing_timeline, outbox_messages, audit_log";
        // The dashboard's figures are computed again from scratch (no calendar kept), so its triggers are off while seeding:
        // a mark for each of 13 million rows would only be superseded.
        string[] marks =
        [
            "review_tasks dashboard_task_changed", "review_tasks dashboard_task_updated", "bureau_submissions dashboard_submission_changed",
            "bureau_events dashboard_event_changed", "filing_timeline dashboard_timeline_changed", "filing_orders dashboard_province_updated",
        ];
        string Triggers(string change) => string.Join(";", marks.Select(m => m.Split(' ')).Select(m => $"alter table {m[0]} {change} trigger {m[1]}"));
        foreach (var statement in new[]
        {
            $"truncate {Tables}, dashboard_calendar, dashboard_stale_orders cascade", Triggers("disable"), sql, Triggers("enable"),
            $"vacuum (analyze) {Tables}",
        })
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 3600 };
            if (statement == sql)
            {
                command.Parameters.AddWithValue("n", orders);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The most this process has held in memory (VmHWM of /proc/self/status).</summary>
    private static long PeakResidentBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))[6..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture) * 1024;

    private static Build Median(List<Build> builds) => new(
        Middle(builds.Select(b => b.Seconds)), Middle(builds.Select(b => b.CpuSeconds)), (long)Middle(builds.Select(b => (double)b.PeakBytes)),
        builds[0].FileBytes, builds[0].Rows);

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Print(string kind, DetailWriting details, Build build) =>
        Console.WriteLine(Invariant(
            $"{kind,-17} {details,-16} {build.Rows,10:N0} {build.Seconds,10:F1} {build.CpuSeconds,9:F1} {build.PeakBytes / 1048576.0,16:F0} {build.FileBytes / 1048576.0,12:F1}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps the largest row count a build reports, synchronously (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class RowCount : IProgress<ReportProgress>
    {
        public long Rows { get; private set; }

        public void Report(ReportProgress value) => Rows = Math.Max(Rows, value.Rows);
    }
}
