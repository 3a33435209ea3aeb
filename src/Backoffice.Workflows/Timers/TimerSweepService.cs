using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backoffice.Workflows.Timers;

/// <summary>Settings of the section "Timers".</summary>
public sealed class TimerOptions
{
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The safety net behind each timer's Hangfire job: sweeps due timers once at start (timers due while
/// the app was down) and then every minute (a job lost with its server, a moved application clock).
/// </summary>
public sealed class TimerSweepService(TimerSweep sweep, IOptions<TimerOptions> options, ILogger<TimerSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                var fired = await sweep.SweepAsync(stoppingToken);
                if (fired > 0)
                {
                    logger.LogInformation("Fired {Count} due timers", fired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Timer sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
