using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Timers;
using Dapper;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// The jobs a step writes in its own batch are Hangfire's jobs: its storage reads them back as it
/// reads the jobs of its own client, its server performs the enqueued ones, and the scheduled ones
/// wait in its schedule. A rolled-back step leaves no job.
/// </summary>
public sealed class HangfireJobRowsTests
{
    private static JobStorage Storage => TestApp.Instance.Services.GetRequiredService<JobStorage>();

    [Fact]
    public async Task Enqueued_job_is_read_by_hangfire_as_its_own_and_performed_by_its_server()
    {
        var messageId = Guid.NewGuid();
        await WriteAsync(jobs => jobs.SendNotification(messageId), commit: true);

        var jobId = await JobIdAsync(messageId);
        Assert.NotNull(jobId);
        using (var connection = Storage.GetConnection())
        {
            var data = connection.GetJobData(jobId);
            Assert.Equal(typeof(NotificationJob), data.Job.Type);
            Assert.Equal(nameof(NotificationJob.RunAsync), data.Job.Method.Name);
            Assert.Equal(messageId, data.Job.Args[0]);
            Assert.Null(data.LoadException);
        }

        var state = await EventuallyAsync(() => Storage.GetMonitoringApi().JobDetails(jobId).History[0].StateName, SucceededState.StateName);
        Assert.Equal(SucceededState.StateName, state);
        Assert.Contains(Storage.GetMonitoringApi().JobDetails(jobId).History, h => h.StateName == EnqueuedState.StateName && h.Data["Queue"] == "default");
    }

    [Fact]
    public async Task Notification_job_queued_under_its_former_type_name_is_read_as_the_notification_job()
    {
        var messageId = Guid.NewGuid();
        await WriteAsync(jobs => jobs.SendNotification(messageId), commit: true);
        var jobId = (await JobIdAsync(messageId))!;
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                "update hangfire.job set invocationdata = jsonb_set(invocationdata, '{Type}', to_jsonb(@type)) where id = @id",
                new { type = NotificationJob.FormerTypeName + ", Backoffice.Workflows", id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) });
        }

        using var connection = Storage.GetConnection();
        var data = connection.GetJobData(jobId);
        Assert.Null(data.LoadException);
        Assert.Equal(typeof(NotificationJob), data.Job.Type);
        Assert.Equal(messageId, data.Job.Args[0]);
    }

    [Fact]
    public async Task Scheduled_timer_job_waits_in_hangfires_schedule_until_its_time()
    {
        var bookmarkId = Guid.NewGuid();
        var orderId = Guid.NewGuid();
        await WriteAsync(jobs => jobs.FireTimer(bookmarkId, orderId, TimeSpan.FromDays(2)), commit: true);

        var jobId = await JobIdAsync(bookmarkId);
        Assert.NotNull(jobId);
        using var connection = Storage.GetConnection();
        var data = connection.GetJobData(jobId);
        Assert.Equal(typeof(TimerJob), data.Job.Type);
        Assert.Equal([bookmarkId, orderId, CancellationToken.None], data.Job.Args);
        Assert.Equal(ScheduledState.StateName, data.State);

        var scheduled = Storage.GetMonitoringApi().ScheduledJobs(0, int.MaxValue).Single(j => j.Key == jobId).Value;
        Assert.InRange(scheduled.EnqueueAt, DateTime.UtcNow.AddDays(2).AddMinutes(-5), DateTime.UtcNow.AddDays(2).AddMinutes(5));
    }

    [Fact]
    public async Task Step_that_does_not_commit_leaves_no_job()
    {
        var messageId = Guid.NewGuid();
        await WriteAsync(jobs => jobs.SendNotification(messageId), commit: false);

        Assert.Null(await JobIdAsync(messageId));
    }

    private static async Task WriteAsync(Action<ISideEffects> enqueue, bool commit)
    {
        _ = TestApp.Instance.Address;
        await using var db = await TestApp.OpenDatabaseAsync();
        await using var transaction = await db.BeginTransactionAsync();
        var writes = new DeferredWrites();
        enqueue(new HangfireJobRows(writes));
        await writes.FlushAsync(db, commit, CancellationToken.None);
    }

    private static async Task<string?> JobIdAsync(Guid firstArgument)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        var id = await db.ExecuteScalarAsync<long?>(
            "select id from hangfire.job where arguments ->> 0 = @argument", new { argument = $"\"{firstArgument}\"" });
        return id?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> EventuallyAsync(Func<string> read, string expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = read();
            if (value == expected || attempt == 100)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
