using System.Reflection;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Timers;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// A step's side effects as Hangfire jobs written in the step's own commit batch: for each job the
/// rows Hangfire.PostgreSql itself writes for an enqueued or a scheduled job (the job with its
/// serialized invocation, its state, then its queue entry or its place in the schedule), in one
/// statement. A job exists if and only if the step commits, and enqueuing adds no round trip; the
/// waiting Hangfire servers are woken (NOTIFY new_job, as the storage's long polling does) at commit.
/// Hangfire's server, retries and dashboard read these jobs as their own.
/// </summary>
public sealed class HangfireJobRows(DeferredWrites writes) : ISideEffects
{
    private const string Queue = "default";

    private const string InsertJob =
        """
        with job as (
            insert into hangfire.job (invocationdata, arguments, createdat, stateid, statename)
            values ($1::jsonb, $2::jsonb, $3, nextval('hangfire.state_id_seq'), $4)
            returning id, stateid),
        state as (
            insert into hangfire.state (id, jobid, name, createdat, data)
            select stateid, id, $4, $3, $5::jsonb from job)
        """;

    private const string EnqueueSql = InsertJob + "\ninsert into hangfire.jobqueue (jobid, queue) select id, $6 from job";

    private const string ScheduleSql = InsertJob + "\ninsert into hangfire.set (key, value, score) select 'schedule', id::text, $6 from job";

    private static readonly MethodInfo Submission = typeof(BureauSubmissionJob).GetMethod(nameof(BureauSubmissionJob.RunAsync))!;
    private static readonly MethodInfo Notification = typeof(NotificationJob).GetMethod(nameof(NotificationJob.RunAsync))!;
    private static readonly MethodInfo Timer = typeof(TimerJob).GetMethod(nameof(TimerJob.RunAsync))!;

    private bool _wakeServers;

    public void SubmitToBureau(Guid orderId, int attempt) =>
        Enqueue(new Job(typeof(BureauSubmissionJob), Submission, orderId, attempt, CancellationToken.None));

    public void SendNotification(Guid messageId) =>
        Enqueue(new Job(typeof(NotificationJob), Notification, messageId, CancellationToken.None));

    public void FireTimer(Guid bookmarkId, Guid orderId, TimeSpan delay)
    {
        var state = new ScheduledState(delay);
        var invocation = InvocationData.SerializeJob(new Job(typeof(TimerJob), Timer, bookmarkId, orderId, CancellationToken.None));
        writes.Add(ScheduleSql, SerializationHelper.Serialize(invocation), invocation.Arguments, state.ScheduledAt, state.Name,
            SerializationHelper.Serialize(state.SerializeData()), (double)new DateTimeOffset(state.EnqueueAt).ToUnixTimeSeconds());
    }

    private void Enqueue(Job job)
    {
        var state = new EnqueuedState(Queue);
        var invocation = InvocationData.SerializeJob(job);
        writes.Add(EnqueueSql, SerializationHelper.Serialize(invocation), invocation.Arguments, state.EnqueuedAt, state.Name,
            SerializationHelper.Serialize(state.SerializeData()), Queue);
        if (!_wakeServers)
        {
            _wakeServers = true;
            writes.Add("notify new_job");
        }
    }
}
