using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Database;

/// <summary>
/// Keeps what every node caches in step with the database: it LISTENs for the test clock's moves
/// and for calendar edits (NOTIFY sent in the transaction that made them) and reloads the clock or
/// drops the kept calendar at once. After a lost connection it reloads both, as a missed signal might
/// have changed either.
/// </summary>
public sealed class NodeSignals(NpgsqlDataSource dataSource, ApplicationClock clock, WorkingCalendarStore calendars, ILogger<NodeSignals> logger)
    : BackgroundService
{
    public const string ClockChannel = "backoffice_clock";
    public const string CalendarChannel = "backoffice_calendar";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Lost the database connection that listens for clock and calendar changes; listening again in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var received = new HashSet<string>();
        connection.Notification += (_, e) => received.Add(e.Channel);
        await using (var listen = new NpgsqlCommand($"listen {ClockChannel}; listen {CalendarChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        await clock.LoadAsync(dataSource, ct);
        calendars.Invalidate();
        while (true)
        {
            await connection.WaitAsync(ct);
            if (received.Remove(ClockChannel))
            {
                await clock.LoadAsync(dataSource, ct);
                logger.LogInformation("Test clock moved on another node: offset now {Offset}", clock.Offset);
            }

            if (received.Remove(CalendarChannel))
            {
                calendars.Invalidate();
            }
        }
    }

    /// <summary>Tells every node (this one included) that <paramref name="channel"/>'s data changed, once the transaction commits.</summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, string channel, CancellationToken ct)
    {
        await using var notify = new NpgsqlCommand("select pg_notify(@channel, '')", connection);
        notify.Parameters.AddWithValue("channel", channel);
        await notify.ExecuteNonQueryAsync(ct);
    }
}
