using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The TPC-B-like transaction of PostgreSQL's own pgbench (update an account, read it, update its teller
/// and branch, insert a history row: one transaction), on the same server as the engine, in a database of
/// its own (backoffice_bench_tpcb) scaled to as many branches as clients, so clients do not queue on one
/// branch row. Statements prepared, as the engine's are.
/// </summary>
public sealed partial class TpcB(NpgsqlConnectionStringBuilder server, string pgbench)
{
    public const string Database = "backoffice_bench_tpcb";

    /// <summary>pgbench of the server's installation (PGBENCH to choose another); null when there is none.</summary>
    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("PGBENCH"), "/usr/lib/postgresql/15/bin/pgbench" }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench")) : [])
            .FirstOrDefault(File.Exists);

    public async Task InitializeAsync(NpgsqlDataSource dataSource, int scale)
    {
        await using (var drop = dataSource.CreateCommand($"drop database if exists {Database} with (force)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = dataSource.CreateCommand($"create database {Database}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await RunAsync("-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Transactions per second of <paramref name="clients"/> clients over <paramref name="seconds"/> seconds.</summary>
    public async Task<double> MeasureAsync(int clients, int seconds)
    {
        var output = await RunAsync("-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture));
        var tps = TpsLine().Match(output);
        return tps.Success ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"pgbench printed no rate:\n{output}");
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment["PGDATABASE"] = Database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed:\n{await errors}");
        }

        return await output + await errors;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
