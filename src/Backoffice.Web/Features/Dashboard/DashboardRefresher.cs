using Backoffice.Reports.Dashboard;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Web.Features.Dashboard;

/// <summary>
/// Keeps the dashboard's figures ahead of its readers: every 15 seconds each node computes again the orders that
/// changed since they were computed and their days (<see cref="DashboardDays.RefreshAsync"/>, serialized between
/// nodes by an advisory lock), so that a reading finds few orders, if any, to compute before it answers.
/// </summary>
public sealed class DashboardRefresher(
    NpgsqlDataSource dataSource, WorkingCalendarStore calendars, ILogger<DashboardRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                    var calendar = await calendars.GetAsync(connection, stoppingToken);
                    var marks = await DashboardDays.RefreshAsync(connection, calendar, stoppingToken);
                    logger.LogDebug("Dashboard figures computed again for {Marks} changed orders", marks);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(ex, "The dashboard's figures could not be computed ahead");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
