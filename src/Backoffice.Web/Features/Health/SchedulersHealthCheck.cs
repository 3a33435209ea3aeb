using Backoffice.Web.Infrastructure.Nodes;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Backoffice.Web.Features.Health;

/// <summary>
/// Healthy when THIS node's Hangfire server heartbeats (another node's does not count) and its Quartz
/// scheduler runs.
/// </summary>
public sealed class SchedulersHealthCheck(JobStorage storage, ISchedulerFactory schedulers, NodeIdentity node, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatAge = TimeSpan.FromMinutes(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Any(s => node.Owns(s.Name) && s.Heartbeat is { } beat && DateTime.UtcNow - beat < HeartbeatAge);
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var running = scheduler.Status == SchedulerStatus.Running;
            return alive && running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Hangfire server {node.Name} alive: {alive}; Quartz scheduler running: {running} (at {clock.GetUtcNow():O}).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Hangfire or Quartz cannot be reached.", ex);
        }
    }
}
