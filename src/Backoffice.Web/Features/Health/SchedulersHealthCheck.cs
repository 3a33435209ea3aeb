using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Backoffice.Web.Features.Health;

/// <summary>Healthy when this node's Hangfire server heartbeats and its Quartz scheduler runs.</summary>
public sealed class SchedulersHealthCheck(JobStorage storage, ISchedulerFactory schedulers, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Any(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < TimeSpan.FromMinutes(2));
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var running = scheduler.Status == SchedulerStatus.Running;
            return alive && running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Hangfire server alive: {alive}; Quartz scheduler running: {running} (at {clock.GetUtcNow():O}).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Hangfire or Quartz cannot be reached.", ex);
        }
    }
}
