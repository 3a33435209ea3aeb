using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;
using Quartz;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// Each active subscription is a Quartz job with one cron trigger in China time; on working days only,
/// the trigger is modified by the working-day calendar: it fires on working days (调休 Saturdays
/// included) and never on holidays (a monthly run whose day is a holiday is skipped that month).
/// Quartz is clustered over the database, so one node runs each firing. Triggers start on the
/// application's clock, as the scheduler runs on it.
/// </summary>
public sealed class SubscriptionSchedule(ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string Group = "report-subscriptions";
    public const string SubscriptionIdKey = "subscriptionId";

    public static JobKey JobKey(Guid subscriptionId) => new(subscriptionId.ToString(), Group);

    public static TriggerKey TriggerKey(Guid subscriptionId) => new(subscriptionId.ToString(), Group);

    /// <summary>Schedules (or reschedules) an active subscription; unschedules an inactive one.</summary>
    public async Task ApplyAsync(Guid subscriptionId, SubscriptionSpec spec, CancellationToken ct)
    {
        if (!spec.Active)
        {
            await RemoveAsync(subscriptionId, ct);
            return;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<SubscriptionFiringJob>()
            .WithIdentity(JobKey(subscriptionId))
            .UsingJobData(SubscriptionIdKey, subscriptionId.ToString())
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(TriggerKey(subscriptionId))
            .ForJob(job)
            .WithCronSchedule(spec.Schedule.Cron, cron => cron.InTimeZone(ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        if (spec.Schedule.WorkingDaysOnly)
        {
            trigger = trigger.WithCalendarName(WorkingDayQuartzCalendar.Name);
        }

        await scheduler.ScheduleJob(job, [trigger.Build()], new ScheduleJobOptions { Replace = true }, ct);
    }

    /// <summary>
    /// The next <paramref name="count"/> runs of a schedule from now, as its trigger would fire them
    /// (the working-day calendar the scheduler holds lets through the days of a working-days-only schedule).
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> NextRunsAsync(ReportSchedule schedule, CancellationToken ct, int count = 5)
    {
        var expression = new CronExpression(schedule.Cron, ChinaTime.Zone);
        var calendar = schedule.WorkingDaysOnly ? await (await schedulers.GetScheduler(ct)).GetCalendar(WorkingDayQuartzCalendar.Name, ct) : null;
        var runs = new List<DateTimeOffset>(count);
        var after = clock.GetUtcNow();
        for (var i = 0; i < 5000 && runs.Count < count && expression.GetNextValidTimeAfter(after) is { } next; i++, after = next)
        {
            if (calendar?.IsTimeIncluded(next) ?? true)
            {
                runs.Add(next);
            }
        }

        return runs;
    }

    public async Task RemoveAsync(Guid subscriptionId, CancellationToken ct) =>
        await (await schedulers.GetScheduler(ct)).DeleteJob(JobKey(subscriptionId), ct);

    /// <summary>When the subscription's trigger fires next; null when it is not scheduled.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(Guid subscriptionId, CancellationToken ct) =>
        (await (await schedulers.GetScheduler(ct)).GetTrigger(TriggerKey(subscriptionId), ct))?.NextFireTimeUtc;
}
