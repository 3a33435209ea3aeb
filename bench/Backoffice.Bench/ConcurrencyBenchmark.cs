using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The engine under concurrency beside its peers, in one run (docs/ENGINE.md): on the seeded desk, the
/// engine's steps/s with 1 and N drivers (each driver an order at a time, each step on its own pooled
/// connection), pgbench's TPC-B transaction with 1 and N clients on the same server, and WorkflowCore's
/// in-memory engine with 1 and N drivers on the same seven-step flow. Each round measures all six in
/// turn, so they see the same machine; the ratios are taken within a round.
/// </summary>
public static class ConcurrencyBenchmark
{
    private const int TpcBSeconds = 10;

    public static async Task RunAsync(IServiceProvider services, int orders, int drivers, int rounds)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var pgbench = TpcB.Find() ?? throw new InvalidOperationException("pgbench not found (it comes with PostgreSQL's server package; PGBENCH names another)");
        var tpcb = new TpcB(new NpgsqlConnectionStringBuilder(services.GetRequiredService<IConfiguration>().GetConnectionString("Backoffice")), pgbench);
        await tpcb.InitializeAsync(dataSource, drivers);
        using var meter = new CommandMeter();
        var server = await ServerCpu.FindAsync(dataSource);
        await using var grouped = GroupCommit.Services(services.GetRequiredService<IConfiguration>());
        await SteadyState.SeedAsync(dataSource);
        await MeasureEngineAsync(services, meter, 200, drivers);
        await SteadyState.AnalyzeAsync(dataSource);

        Console.WriteLine($"Concurrency benchmark: {orders} orders a measurement, {rounds} rounds; {drivers} drivers or clients against 1; TPC-B {TpcBSeconds} s a measurement");
        Console.WriteLine("engine: the shipped new-filing happy path, 7 steps an order; round trips/step counts every command of the drivers (their look-ups of open tasks too)");
        Console.WriteLine("WorkflowCore: the same 7 steps, in-memory persistence; load: the machine's 1-minute load average when the round ended");
        Console.WriteLine($"round  engine@1 steps/s  engine@{drivers} steps/s  activities/s  TPC-B@1 tps  TPC-B@{drivers} tps  WorkflowCore@1  WorkflowCore@{drivers}  engine/TPC-B@{drivers}  engine/WorkflowCore@{drivers}  load");
        var rows = new List<Round>();
        var costs = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            var one = await MeasureEngineAsync(services, meter, orders, 1);
            var (many, engineServer, delayed, delayedServer) = round % 2 == 1
                ? await OneThenTheOtherAsync(services, grouped, meter, server, orders, drivers)
                : Swap(await OneThenTheOtherAsync(grouped, services, meter, server, orders, drivers));
            var tpcbOne = await tpcb.MeasureAsync(1, TpcBSeconds);
            var serverBefore = await ServerWork.ReadAsync(dataSource, server);
            var tpcbMany = await tpcb.MeasureAsync(drivers, TpcBSeconds);
            var tpcbServer = await ServerWork.ReadAsync(dataSource, server) - serverBefore;
            var flowOne = await WorkflowCoreFlow.MeasureAsync(orders, 1);
            var flowMany = await WorkflowCoreFlow.MeasureAsync(orders, drivers);
            var row = new Round(one.Steps / one.Elapsed.TotalSeconds, many.Steps / many.Elapsed.TotalSeconds, tpcbOne, tpcbMany, flowOne, flowMany);
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round,5}  {row.Engine1,16:F1}  {row.EngineN,16:F1}  {many.Activities / many.Elapsed.TotalSeconds,12:F1}  {tpcbOne,11:F1}  {tpcbMany,11:F1}  {flowOne,14:F1}  {flowMany,14:F1}  {row.EngineN / tpcbMany,14:P1}  {row.EngineN / flowMany,21:F2}  {LoadAverage()}"));
            costs.Add(string.Create(CultureInfo.InvariantCulture,
                $"{round,5}  {(double)many.Commands / many.Steps,16:F2}  {many.ProcessorTime.TotalMilliseconds / many.Steps,15:F2}  {PerUnit(engineServer.Cpu, many.Steps),18}  {Per(engineServer.Flushes, many.Steps),16}  {Per(engineServer.FullPages, many.Steps),15}  {engineServer.WalBytes / many.Steps,8}  {Per(tpcbServer.Flushes, tpcbMany * TpcBSeconds),21}  {delayed.Steps / delayed.Elapsed.TotalSeconds,20:F1}  {Per(delayedServer.Flushes, delayed.Steps),24}"));
        }

        Console.WriteLine($"where the time goes at {drivers}: app CPU is the benchmark process's processor time, server CPU the database server's (its own processes); WAL flushes and full-page images from pg_stat_wal");
        Console.WriteLine("round  round trips/step  app CPU ms/step  server CPU ms/step  WAL flushes/step  full pages/step  WAL/step  TPC-B WAL flushes/txn  commit_delay steps/s  commit_delay flushes/step");
        Console.WriteLine($"commit_delay: the engine at {drivers} again, in the same round, on connections with commit_delay = {GroupCommit.DelayMicroseconds} µs, commit_siblings = {GroupCommit.Siblings} (the two alternate which goes first)");
        costs.ForEach(Console.WriteLine);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: engine {Median(rows, r => r.Engine1):F1} and {Median(rows, r => r.EngineN):F1} steps/s, TPC-B {Median(rows, r => r.TpcB1):F1} and {Median(rows, r => r.TpcBN):F1} tps, WorkflowCore {Median(rows, r => r.Flow1):F1} and {Median(rows, r => r.FlowN):F1} steps/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median ratio at {drivers}: engine/TPC-B {Median(rows, r => r.EngineN / r.TpcBN):P1} (target >= 60%), engine/WorkflowCore {Median(rows, r => r.EngineN / r.FlowN):F2} (target >= 0.4); target 2,000 steps/s"));
    }

    private static async Task<(Measurement, ServerWork, Measurement, ServerWork)> OneThenTheOtherAsync(
        IServiceProvider first, IServiceProvider second, CommandMeter meter, ServerCpu? server, int orders, int drivers)
    {
        var dataSource = first.GetRequiredService<NpgsqlDataSource>();
        var before = await ServerWork.ReadAsync(dataSource, server);
        var a = await MeasureEngineAsync(first, meter, orders, drivers);
        var middle = await ServerWork.ReadAsync(dataSource, server);
        var b = await MeasureEngineAsync(second, meter, orders, drivers);
        return (a, middle - before, b, await ServerWork.ReadAsync(dataSource, server) - middle);
    }

    private static (Measurement, ServerWork, Measurement, ServerWork) Swap((Measurement, ServerWork, Measurement, ServerWork) pair) =>
        (pair.Item3, pair.Item4, pair.Item1, pair.Item2);

    /// <summary>Drives <paramref name="orders"/> new orders with <paramref name="drivers"/> drivers at once, each its own order at a time.</summary>
    private static async Task<Measurement> MeasureEngineAsync(IServiceProvider services, CommandMeter meter, int orders, int drivers)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var paths = Enumerable.Range(0, drivers).Select(_ => new HappyPath(services, meter)).ToList();
        var ids = await paths[0].InsertOrdersAsync(orders);
        var wal = await WalPosition.ReadAsync(dataSource);
        var before = meter.Reading;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(paths.Select((path, d) => Task.Run(async () =>
        {
            for (var i = d; i < ids.Count; i += drivers)
            {
                await path.DriveAsync(ids[i], null);
            }
        })));
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = meter.Reading;
        wal = await WalPosition.ReadAsync(dataSource) - wal;
        var activities = await paths[0].CheckApprovedAsync(ids);
        return new Measurement(orders * HappyPath.StepsPerOrder, activities, watch.Elapsed, cpu, after.Commands - before.Commands, after.Time - before.Time, wal);
    }

    private static string PerUnit(TimeSpan? time, double count) =>
        time is { } t ? (t.TotalMilliseconds / count).ToString("F2", CultureInfo.InvariantCulture) : "?";

    private static string Per(long count, double units) => (count / units).ToString("F2", CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Median(List<Round> rows, Func<Round, double> figure)
    {
        var sorted = rows.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Round(double Engine1, double EngineN, double TpcB1, double TpcBN, double Flow1, double FlowN);
}
