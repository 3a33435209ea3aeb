using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Dapper;

namespace Backoffice.Workflows.Operations;

/// <summary>
/// Faulted instances are incidents (docs/API.md, "Safe change and operations"): a compliance manager
/// retries one from the activity it faulted at, or cancels it with a reason. Each is one engine step
/// under the order's lock, journalled (so the order's timeline shows it) and audited.
/// </summary>
public sealed class Incidents(StepTransaction steps, WorkflowEngine engine)
{
    public enum Answer
    {
        NotFound,
        NotFaulted,
        Done,
    }

    /// <summary>The instance's status after the retry: running again, finished, or faulted once more.</summary>
    public sealed record Outcome(Answer Answer, string? Status = null);

    public Task<Outcome> RetryAsync(Guid instanceId, string actor, CancellationToken ct) =>
        OnFaultedAsync(instanceId, actor, ct, async (context, instance, order, activityId) =>
        {
            await engine.RetryAsync(context, instance, activityId);
            context.Write(new AppendAudit(context.Now, actor, "incident-retried", "filing-order", order,
                new { instance = instance.Id, definition = instance.DefinitionId, instance.Version, activity = activityId, status = instance.Status }));
        });

    public Task<Outcome> CancelAsync(Guid instanceId, string reason, string actor, CancellationToken ct) =>
        OnFaultedAsync(instanceId, actor, ct, (context, instance, order, activityId) =>
        {
            instance.Status = "cancelled";
            instance.Result = "cancelled";
            context.Write(AppendJournal.Of(context, instance, "cancel", "incident-cancel", null, "cancelled", reason));
            context.Write(new AppendAudit(context.Now, actor, "incident-cancelled", "filing-order", order,
                new { instance = instance.Id, definition = instance.DefinitionId, instance.Version, activity = activityId, reason }));
            return Task.CompletedTask;
        });

    /// <summary>Locks the instance's order, then reads the instance and the activity it faulted at; acts only on a faulted instance.</summary>
    private Task<Outcome> OnFaultedAsync(
        Guid instanceId, string actor, CancellationToken ct, Func<StepContext, WorkflowInstance, string, string, Task> act) =>
        steps.StepAsync(actor, async context =>
        {
            var orderId = await context.Connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "select order_id from workflow_instances where id = @instanceId", new { instanceId }, cancellationToken: ct));
            if (orderId is null)
            {
                return (new Outcome(Answer.NotFound), false);
            }

            var order = await context.LockOrderAsync(orderId.Value);
            var (instance, _) = await InstanceStore.LoadAsync(context, instanceId);
            if (instance is not { Status: "faulted" })
            {
                return (new Outcome(Answer.NotFaulted, instance?.Status), false);
            }

            var activityId = await context.Connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "select activity_id from workflow_journal where instance_id = @instanceId and outcome = 'faulted' order by id desc limit 1",
                new { instanceId }, cancellationToken: ct));
            await act(context, instance, order!.OrderNumber, activityId!);
            return (new Outcome(Answer.Done, instance.Status), true);
        }, ct);
}
