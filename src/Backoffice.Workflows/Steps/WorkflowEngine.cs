using System.Text.Json.Nodes;
using Backoffice.Workflows.Activities;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Expressions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.ReviewTasks;
using Microsoft.Extensions.Logging;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// Runs an instance from one or more activities until every branch waits or the instance ends,
/// inside the caller's transaction. Journal rows record each activity, its outcome and the actor.
/// </summary>
public sealed class WorkflowEngine(DefinitionStore definitions, ActivityExecutor executor, ILogger<WorkflowEngine> logger)
{
    private const int MaxActivitiesPerStep = 500;

    public async Task<WorkflowInstance> StartAsync(StepContext context, WorkflowDefinition definition, Guid orderId, Guid? parent = null)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(), DefinitionId = definition.Id, Version = definition.Version, OrderId = orderId,
            ParentInstanceId = parent, Variables = definition.Variables?.DeepClone() as JsonObject ?? [], RowVersion = 1,
        };
        if (await context.LockOrderAsync(orderId) is { } order)
        {
            ProvinceRuleVariables.Apply(instance.Variables, await ProvinceRuleStore.RulesAsync(context.Connection, context.CancellationToken), order.Province, order.FilingType);
        }

        context.Start(instance);
        await RunAsync(context, instance, definition, [(definition.Start, null)]);
        return instance;
    }

    /// <summary>
    /// Resumes a waiting activity with an outcome. False when the bookmark was already consumed. A caller that has
    /// looked up the instance's definition version passes it, so it is not looked up twice.
    /// </summary>
    public async Task<bool> ResumeAsync(StepContext context, Bookmark bookmark, string outcome, string? note, WorkflowDefinition? known = null)
    {
        var (instance, waits) = await InstanceStore.LoadAsync(context, bookmark.InstanceId, bookmark.Id);
        if (instance is not { Status: "running" } || !waits)
        {
            return false;
        }

        context.Consume(bookmark.Id);

        var definition = known is not null && known.Id == instance.DefinitionId && known.Version == instance.Version ? known
            : await definitions.GetAsync(context.Connection, instance.DefinitionId, instance.Version, context.CancellationToken);
        var activity = definition.Find(bookmark.ActivityId)!;
        Journal(context, instance, activity, outcome, note);
        await RunAsync(context, instance, definition, [.. definition.From(activity.Id, outcome).Select(c => (c.Target, (string?)activity.Id))]);
        return true;
    }

    /// <summary>Ends an instance from outside (withdrawal): its waits are removed and open tasks cancelled.</summary>
    public async Task CancelAsync(StepContext context, Guid instanceId, string result, string? note)
    {
        var (instance, _) = await InstanceStore.LoadAsync(context, instanceId);
        if (instance is not { Status: "running" })
        {
            return;
        }

        Close(context, instance, "cancelled", result);
        context.Write(AppendJournal.Of(context, instance, "cancel", "cancel", null, result, note));
    }

    /// <summary>
    /// Runs a faulted instance again from the activity it faulted at (its other waits were closed when it
    /// faulted). The instance is running again, or faulted again when the activity fails once more.
    /// </summary>
    public async Task RetryAsync(StepContext context, WorkflowInstance instance, string activityId)
    {
        var definition = await definitions.GetAsync(context.Connection, instance.DefinitionId, instance.Version, context.CancellationToken);
        var activity = definition.Find(activityId) ?? throw new InvalidOperationException($"Instance {instance.Id} faulted at {activityId}, not in its version.");
        instance.Status = "running";
        instance.Result = null;
        context.Write(AppendJournal.Of(context, instance, activity.Id, "retry", activity.Name, "retried", null));
        await RunAsync(context, instance, definition, [(activity.Id, null)]);
    }

    private async Task RunAsync(StepContext context, WorkflowInstance instance, WorkflowDefinition definition, List<(string Id, string? From)> start)
    {
        var queue = new Queue<(string Id, string? From)>(start);
        var executed = 0;
        while (queue.TryDequeue(out var next) && instance.Status == "running")
        {
            if (++executed > MaxActivitiesPerStep)
            {
                throw new InvalidOperationException($"Instance {instance.Id} ran {MaxActivitiesPerStep} activities without waiting.");
            }

            var activity = definition.Find(next.Id)!;
            if (activity.Type == ActivityTypes.Join && !ActivityBehaviour.Arrive(instance.Variables, definition, activity.Id, next.From))
            {
                continue;
            }

            ActivityResult result;
            try
            {
                result = await executor.ExecuteAsync(context, instance, definition, activity);
            }
            catch (ExpressionException ex)
            {
                await FaultAsync(context, instance, activity, ex);
                break;
            }

            switch (result)
            {
                case ActivityResult.Continue go:
                    Journal(context, instance, activity, string.Join(",", go.Outcomes), go.Note);
                    foreach (var connection in go.Outcomes.SelectMany(o => definition.From(activity.Id, o)))
                    {
                        queue.Enqueue((connection.Target, activity.Id));
                    }

                    break;
                case ActivityResult.StartChild child:
                    var followUp = await definitions.PublishedAsync(context.Connection, child.DefinitionId, context.CancellationToken)
                        ?? throw new InvalidOperationException($"No published definition {child.DefinitionId} to start.");
                    await StartAsync(context, followUp, instance.OrderId, instance.Id);
                    Journal(context, instance, activity, "done", $"started {followUp.Id} v{followUp.Version}");
                    foreach (var connection in definition.From(activity.Id, "done"))
                    {
                        queue.Enqueue((connection.Target, activity.Id));
                    }

                    break;
                case ActivityResult.Wait wait:
                    Journal(context, instance, activity, null, wait.Note ?? "waiting");
                    break;
                case ActivityResult.Finish finish:
                    Journal(context, instance, activity, finish.Result, null);
                    Close(context, instance, "finished", finish.Result);
                    break;
            }
        }

    }

    /// <summary>
    /// A decision could not be evaluated: the instance stops as faulted (its waits and tasks closed)
    /// rather than failing the action that moved it; the journal keeps the error, compliance is told and
    /// a warning in the order's log scope says why (the kind of failure: the message may quote the order).
    /// </summary>
    private async Task FaultAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity, ExpressionException error)
    {
        Journal(context, instance, activity, "faulted", error.Message);
        Close(context, instance, "faulted", "faulted");
        var order = await context.LockOrderAsync(instance.OrderId);
        Notifications.FaultToCompliance(context, instance, order!.OrderNumber, activity.Name ?? activity.Id, error.Message);
        context.Write(new AppendAudit(context.Now, context.Actor, "workflow-faulted", "filing-order", order.OrderNumber,
            new { instance = instance.Id, definition = instance.DefinitionId, instance.Version, activity = activity.Id, failure = error.Failure.ToString() }));
        using var scope = OrderLog.Scope(logger, instance.OrderId, order.OrderNumber);
        logger.LogWarning("Workflow instance {InstanceId} of {Definition} v{Version} faulted at {Activity}: {Failure}",
            instance.Id, instance.DefinitionId, instance.Version, activity.Id, error.Failure);
    }

    private static void Close(StepContext context, WorkflowInstance instance, string status, string result)
    {
        instance.Status = status;
        instance.Result = result;
        context.Write(new RemoveBookmarks(instance.Id));
        context.Write(new CancelOpenTasks(instance.OrderId, instance.Id, context.Now));
    }

    private static void Journal(StepContext context, WorkflowInstance instance, ActivityDefinition activity, string? outcome, string? note) =>
        context.Write(AppendJournal.Of(context, instance, activity.Id, activity.Type, activity.Name, outcome, note));
}
