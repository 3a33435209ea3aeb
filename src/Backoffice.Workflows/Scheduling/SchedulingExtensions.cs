using Backoffice.Workflows.HumanTasks;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backoffice.Workflows.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz, clustered over the same PostgreSQL (tables from db/0007), for the working-day
    /// schedules: the SLA sweep every 5 minutes. Each node needs its own instance id (AUTO).
    /// </summary>
    public static IServiceCollection AddWorkingDaySchedules(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<SlaSweep>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(options =>
            {
                options.InstanceName = "backoffice";
                options.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(_ => { });
                store.UseSystemTextJsonSerializer();
            });
            q.AddJob<SlaSweepJob>(job => job.WithIdentity(SlaSweepJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(SlaSweepJob.Key).WithIdentity("sla-sweep", "backoffice")
                .WithCronSchedule("0 0/5 * * * ?", cron => cron.InTimeZone(Clock.ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
