using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.ReviewTasks;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backoffice.Workflows.Scheduling;

/// <summary>The Quartz job of the SLA sweep and the bureau's 20-working-day follow-ups; one node of the cluster runs each firing.</summary>
[DisallowConcurrentExecution]
public sealed class SlaSweepJob(EscalateTasks sweep, BureauFollowUps bureauFollowUps, ILogger<SlaSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("sla-sweep", "backoffice");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var escalated = await sweep.EscalateAsync(cancellationToken);
        if (escalated > 0)
        {
            logger.LogInformation("Escalated {Count} review tasks past their SLA", escalated);
        }

        await bureauFollowUps.SweepAsync(cancellationToken);
    }
}
