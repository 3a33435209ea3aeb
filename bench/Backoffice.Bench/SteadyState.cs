using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// Puts the engine benchmark's database in the state of a running desk: a background of 100,000
/// orders of some months (EngineSeed.sql, the dashboard's marks of its rows dropped) before the warm-up, then, after it, the tables vacuumed and
/// analyzed as autovacuum would have, and the pooled connections closed, so the next ones plan their
/// statements and foreign-key checks from those statistics. Without it, plans cached while the tables
/// were nearly empty go on scanning them whole as they grow.
/// </summary>
public static class SteadyState
{
    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        var watch = Stopwatch.StartNew();
        await using var seed = dataSource.CreateCommand(await SeedScripts.ReadAsync("EngineSeed.sql"));
        seed.CommandTimeout = 1800;
        await seed.ExecuteNonQueryAsync();

        // The dashboard's marks of the background's rows go, as a desk's refresher drains them every 15 seconds.
        await using (var drain = dataSource.CreateCommand("truncate dashboard_stale_orders"))
        {
            await drain.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded a background of 100,000 orders in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    public static async Task AnalyzeAsync(NpgsqlDataSource dataSource)
    {
        await using (var vacuum = dataSource.CreateCommand("vacuum (analyze)"))
        {
            vacuum.CommandTimeout = 1800;
            await vacuum.ExecuteNonQueryAsync();
        }

        dataSource.Clear();
    }
}
