using System.Globalization;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The processor time of the benchmark's PostgreSQL server (its postmaster, the backends and helpers it
/// runs, and those it has reaped), read from /proc: what the server spends on the measured work, beside
/// the benchmark process's own. Other servers on the machine are not counted.
/// </summary>
public sealed class ServerCpu(int postmaster)
{
    private const double TicksPerSecond = 100;

    /// <summary>The server of <paramref name="dataSource"/> when it runs on this machine and /proc is readable; null otherwise.</summary>
    public static async Task<ServerCpu?> FindAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select setting from pg_settings where name = 'data_directory'");
        var pidFile = Path.Combine((string)(await command.ExecuteScalarAsync())!, "postmaster.pid");
        try
        {
            return new ServerCpu(int.Parse((await File.ReadAllLinesAsync(pidFile))[0], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public TimeSpan Reading()
    {
        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string[] fields;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException)
            {
                continue;
            }

            // After the command name: state, ppid, ... utime (11), stime (12), cutime (13), cstime (14).
            if (pid == postmaster)
            {
                ticks += Enumerable.Range(11, 4).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
            }
            else if (fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
