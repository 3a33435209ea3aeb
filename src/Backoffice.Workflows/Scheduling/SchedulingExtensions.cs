using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.ReviewTasks;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backoffice.Workflows.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz, clustered over the same PostgreSQL (tables from db/0007), for the working-day
    /// schedules: the SLA sweep every 5 minutes of working hours on working days (the calendar of
    /// calendar_days). Each node generates its own instance id.
    /// </summary>
    public static IServiceCollection AddWorkingDaySchedules(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<EscalateTasks>();
        services.AddSingleton<BureauFollowUps>();
        services.AddSingleton<WorkingCalendarChanges>();
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
                store.UseSystemTextJsonSerializer(registry => registry.AddCalendarSerializer(new WorkingDayCalendarSerializer()));
            });
            q.AddCalendar<WorkingDayQuartzCalendar>(WorkingDayQuartzCalendar.Name, new AddCalendarOptions { Replace = true, UpdateTriggers = true },
                (provider, calendar) => LoadDays(provider.GetRequiredService<NpgsqlDataSource>(), calendar));
            q.AddJob<SlaSweepJob>(job => job.WithIdentity(SlaSweepJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(SlaSweepJob.Key).WithIdentity("sla-sweep", "backoffice")
                .WithCronSchedule("0 0/5 9-17 ? * *", cron => cron.InTimeZone(Clock.ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .WithCalendarName(WorkingDayQuartzCalendar.Name));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Fills the Quartz calendar from calendar_days when the scheduler starts (after the migrations ran).</summary>
    private static void LoadDays(NpgsqlDataSource dataSource, WorkingDayQuartzCalendar calendar)
    {
        using var connection = dataSource.OpenConnection();
        WorkingCalendarChanges.FillAsync(calendar, connection, CancellationToken.None).GetAwaiter().GetResult();
    }
}
