using Quartz;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// A firing of a subscription's trigger: queues its build. The build is keyed by the firing's
/// scheduled time (the original one when Quartz recovers the job on another node), so a firing
/// makes one build however often it runs.
/// </summary>
public sealed class SubscriptionFiringJob(ReportBuilds builds, ILogger<SubscriptionFiringJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var subscriptionId = Guid.Parse(data.GetString(SubscriptionSchedule.SubscriptionIdKey)!);
        var firedAt = context.Recovering && data.TryGetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && long.TryParse(original, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var buildId = await builds.FireAsync(subscriptionId, firedAt, cancellationToken);
        logger.LogInformation("Report subscription {SubscriptionId} fired for {FiredAt}: build {BuildId}", subscriptionId, firedAt, buildId);
    }
}
