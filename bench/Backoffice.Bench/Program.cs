using System.Diagnostics;
using System.Globalization;
using Backoffice.Bench;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

if (args is ["inbox", ..])
{
    await InboxBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["operations", ..])
{
    await OperationsBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["events", ..])
{
    await EventsBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16);
    return;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(configuration)
    .AddWorkflows(configuration).BuildServiceProvider();
if (args is [ReportsBenchmark.ChildMode, var kind, var details])
{
    await ReportsBenchmark.BuildOnceAsync(services, kind, Enum.Parse<DetailWriting>(details));
    return;
}

var dataSource = services.GetRequiredService<NpgsqlDataSource>();
await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
await using (var connection = await dataSource.OpenConnectionAsync())
{
    await DefinitionStore.ImportDefaultsAsync(connection, DateTimeOffset.UtcNow, CancellationToken.None);
}

if (args is ["dashboard"])
{
    await DashboardBenchmark.RunAsync(services);
    return;
}

if (args is ["reports", ..])
{
    await ReportsBenchmark.RunAsync(services, args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [100_000, 1_000_000]);
    return;
}

if (args is ["--drivers", var driverCount, ..])
{
    await ConcurrencyBenchmark.RunAsync(services, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
        int.Parse(driverCount, CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3);
    return;
}

var orders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const int Slice = 10;
using var meter = new CommandMeter();
var happyPath = new HappyPath(services, meter);
var baseline = new Baseline(dataSource);
await SteadyState.SeedAsync(dataSource);
await happyPath.RunAsync(200);
await baseline.RunAsync(200);
await SteadyState.AnalyzeAsync(dataSource);

Console.WriteLine($"Engine benchmark: {orders} orders through the new-filing happy path, {runs} runs, one thread each;");
Console.WriteLine($"engine and baseline alternate in slices of {Slice} orders, so both see the same load on the machine");
Console.WriteLine("\"round trips/step\" counts the database commands of the steps; \"in commands\" is the share of the steps' time spent waiting for them");
Console.WriteLine("\"WAL\" is the write-ahead log the server wrote meanwhile, in bytes, which each COMMIT waits to have flushed");
Console.WriteLine("run  engine steps/s  activities/s  app CPU ms/step  round trips/step  in commands  WAL/step  baseline updates/s  WAL/update  ratio(steps/baseline)");
var ratios = new List<double>();
var stepRates = new List<double>();
var baseRates = new List<double>();
for (var run = 1; run <= runs; run++)
{
    var engine = new Measurement(0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, 0);
    var updates = new UpdateMeasurement(0, TimeSpan.Zero, 0);
    for (var done = 0; done < orders; done += Slice)
    {
        var slice = Math.Min(Slice, orders - done);
        engine += await happyPath.RunAsync(slice);
        updates += await baseline.RunAsync(slice * 7);
    }

    var steps = engine.Steps / engine.Elapsed.TotalSeconds;
    var perSecond = updates.Count / updates.Elapsed.TotalSeconds;
    stepRates.Add(steps);
    baseRates.Add(perSecond);
    ratios.Add(steps / perSecond);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{run,3}  {steps,14:F1}  {engine.Activities / engine.Elapsed.TotalSeconds,12:F1}  {engine.ProcessorTime.TotalMilliseconds / engine.Steps,15:F2}  {(double)engine.Commands / engine.Steps,16:F2}  {engine.InCommands / engine.Elapsed,11:P0}  {engine.WalBytes / engine.Steps,8}  {perSecond,18:F1}  {updates.WalBytes / updates.Count,10}  {steps / perSecond,21:P1}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: engine {Median(stepRates):F1} steps/s, baseline {Median(baseRates):F1} updates/s, ratio {Median(ratios):P1} (target >= 25%)"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

namespace Backoffice.Bench
{
    public sealed record Measurement(int Steps, int Activities, TimeSpan Elapsed, TimeSpan ProcessorTime, long Commands, TimeSpan InCommands, long WalBytes)
    {
        public static Measurement operator +(Measurement a, Measurement b) => new(
            a.Steps + b.Steps, a.Activities + b.Activities, a.Elapsed + b.Elapsed, a.ProcessorTime + b.ProcessorTime, a.Commands + b.Commands,
            a.InCommands + b.InCommands, a.WalBytes + b.WalBytes);
    }

    public sealed record UpdateMeasurement(int Count, TimeSpan Elapsed, long WalBytes)
    {
        public static UpdateMeasurement operator +(UpdateMeasurement a, UpdateMeasurement b) => new(a.Count + b.Count, a.Elapsed + b.Elapsed, a.WalBytes + b.WalBytes);
    }

    /// <summary>
    /// The server's write-ahead log position, read with the clock stopped: the bytes written between two
    /// readings are those of the measured transactions (and of any autovacuum meanwhile).
    /// </summary>
    public static class WalPosition
    {
        public static async Task<long> ReadAsync(NpgsqlDataSource dataSource)
        {
            await using var command = dataSource.CreateCommand("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint");
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }

    /// <summary>The baseline: one single-row UPDATE per transaction, on the same server and connection pool.</summary>
    public sealed class Baseline(NpgsqlDataSource dataSource)
    {
        public async Task<UpdateMeasurement> RunAsync(int count)
        {
            await using (var setup = dataSource.CreateCommand(
                "create table if not exists bench_counter (id int primary key, n bigint not null); insert into bench_counter values (1, 0) on conflict do nothing"))
            {
                await setup.ExecuteNonQueryAsync();
            }

            var wal = await WalPosition.ReadAsync(dataSource);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var update = new NpgsqlCommand("update bench_counter set n = n + 1 where id = 1", connection, transaction);
                await update.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            watch.Stop();
            return new UpdateMeasurement(count, watch.Elapsed, await WalPosition.ReadAsync(dataSource) - wal);
        }
    }
}
