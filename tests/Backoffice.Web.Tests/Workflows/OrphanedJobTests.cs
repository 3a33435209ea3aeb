using System.Diagnostics;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Steps;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// A server killed with kill -9 mid-job leaves the job Processing and its queue row fetched, and
/// nothing ever releases it: a live server must run it again once the invisibility timeout has lapsed,
/// and not before.
/// </summary>
public sealed class OrphanedJobTests
{
    private static readonly TimeSpan QueuePoll = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_job_fetched_by_a_killed_server_runs_again_once_its_invisibility_lapses_and_not_before()
    {
        var orphaned = await MessageLeftProcessingAsync(fetchedAgo: JobStorageOptions.InvisibilityTimeout + TimeSpan.FromSeconds(1));
        var stillInvisible = await MessageLeftProcessingAsync(fetchedAgo: JobStorageOptions.InvisibilityTimeout - TimeSpan.FromSeconds(45));

        var watch = Stopwatch.StartNew();
        while (await SentAtAsync(orphaned) is null && watch.Elapsed < QueuePoll + TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
        }

        Assert.NotNull(await SentAtAsync(orphaned));
        Assert.Null(await SentAtAsync(stillInvisible));
        Assert.True(JobStorageOptions.InvisibilityTimeout <= TimeSpan.FromMinutes(5), "orphaned jobs must not wait the library's default half hour");
    }

    /// <summary>An unsent outbox message whose delivery job a dead server fetched <paramref name="fetchedAgo"/> ago and never finished.</summary>
    private static async Task<Guid> MessageLeftProcessingAsync(TimeSpan fetchedAgo)
    {
        var jobs = TestApp.Instance.Services.GetRequiredService<IBackgroundJobClient>();
        var messageId = Guid.NewGuid();
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(
            "insert into outbox_messages (id, channel, recipient, template, body, created_at) values (@messageId, 'sms', '13800000000', 'notify-approved', 'test', now())",
            new { messageId });
        var jobId = long.Parse(jobs.Schedule<NotificationJob>(j => j.RunAsync(messageId, CancellationToken.None), TimeSpan.FromDays(365)), System.Globalization.CultureInfo.InvariantCulture);
        await db.ExecuteAsync(
            """
            delete from hangfire.set where key = 'schedule' and value = @jobId::text;
            update hangfire.job set statename = 'Processing' where id = @jobId;
            insert into hangfire.jobqueue (jobid, queue, fetchedat) values (@jobId, 'default', now() - @fetchedAgo);
            """,
            new { jobId, fetchedAgo });
        return messageId;
    }

    private static async Task<DateTimeOffset?> SentAtAsync(Guid messageId)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<DateTimeOffset?>("select sent_at from outbox_messages where id = @messageId", new { messageId });
    }
}
