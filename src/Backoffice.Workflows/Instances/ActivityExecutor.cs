using System.Text.Json.Nodes;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Expressions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.HumanTasks;

namespace Backoffice.Workflows.Instances;

/// <summary>What each activity type does when it runs. Waiting types leave a bookmark; the others finish at once.</summary>
public sealed class ActivityExecutor(BureauResults bureauResults, Notifications notifications)
{
    public async Task<ActivityResult> ExecuteAsync(StepContext context, WorkflowInstance instance, WorkflowDefinition definition, ActivityDefinition activity)
    {
        var status = activity.Text("status");
        if (status is not null && activity.Type is ActivityTypes.HumanTask or ActivityTypes.WaitForApplicant or ActivityTypes.WaitForEvent)
        {
            await OrderStatus.SetAsync(context, instance.OrderId, status, activity.Name ?? activity.Id);
        }

        switch (activity.Type)
        {
            case ActivityTypes.HumanTask:
                return await OpenTaskAsync(context, instance, activity);
            case ActivityTypes.WaitForApplicant:
                Duration.TryRead(activity.Properties["deadline"], out var deadline);
                Wait(context, instance, activity, BookmarkKinds.Applicant, activity.Text("action"), deadline.After(context.Now, context.Calendar), "expired");
                return new ActivityResult.Wait($"waiting for the applicant: {activity.Text("action")}");
            case ActivityTypes.WaitForEvent:
                var eventName = activity.Text("event")!;
                var hasTimeout = Duration.TryRead(activity.Properties["timeout"], out var timeout);
                var timeoutOutcome = ActivityTypes.EventTimeoutOutcomes.GetValueOrDefault(eventName);
                Wait(context, instance, activity, BookmarkKinds.Event, eventName,
                    hasTimeout ? timeout.After(context.Now, context.Calendar) : null, hasTimeout ? timeoutOutcome : null);
                return new ActivityResult.Wait($"waiting for {eventName}");
            case ActivityTypes.Delay:
                Duration.TryRead(activity.Properties["duration"], out var delay);
                Wait(context, instance, activity, BookmarkKinds.Timer, null, delay.After(context.Now, context.Calendar), "done");
                return new ActivityResult.Wait($"timer until {delay.After(context.Now, context.Calendar):O}");
            case ActivityTypes.Decision:
                var order = await OrderDocument.LoadAsync(context, instance.OrderId);
                var verdict = ExpressionSandbox.EvaluateCondition(activity.Text("expression")!, order.ToJsonString(), instance.Variables.ToJsonString());
                return ActivityResult.Done(verdict ? "true" : "false");
            case ActivityTypes.Fork:
                return new ActivityResult.Continue(activity.List("branches"));
            case ActivityTypes.Join:
                return ActivityResult.Done();
            case ActivityTypes.SetStatus:
                await OrderStatus.SetAsync(context, instance.OrderId, status!, activity.Name ?? activity.Id);
                return ActivityResult.Done();
            case ActivityTypes.Notify:
                await notifications.QueueAsync(context, instance, activity);
                return ActivityResult.Done();
            case ActivityTypes.SubmitToBureau:
                await bureauResults.SubmitAsync(context, instance.OrderId, activity.Name ?? activity.Id);
                return ActivityResult.Done();
            case ActivityTypes.ApplyBureauResult:
                var note = await bureauResults.ApplyApprovalAsync(context, instance);
                return ActivityResult.Done(note: note);
            case ActivityTypes.StartFollowUp:
                return new ActivityResult.StartChild(activity.Text("definition")!);
            case ActivityTypes.End:
                return await EndAsync(context, instance, activity);
            default:
                throw new InvalidOperationException($"Unknown activity type {activity.Type} in {definition.Id} v{definition.Version}.");
        }
    }

    private static async Task<ActivityResult> OpenTaskAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity)
    {
        Duration.TryRead(activity.Properties["sla"], out var sla);
        var due = sla.After(context.Now, context.Calendar);
        DateTimeOffset? escalateAt = Duration.TryRead(activity.Properties["escalateAfter"], out var escalate) ? escalate.After(due, context.Calendar) : due;
        var bookmark = Wait(context, instance, activity, BookmarkKinds.Task, null, null, null);
        var order = await context.LockOrderAsync(instance.OrderId) ?? throw new InvalidOperationException($"Order {instance.OrderId} does not exist.");
        ReviewTaskStore.Open(context, instance.Id, bookmark.Id, order, activity.Id,
            activity.Text("title") ?? activity.Name ?? activity.Id, activity.Text("team")!, activity.List("outcomes"), due, escalateAt);
        return new ActivityResult.Wait($"task for {activity.Text("team")} due {due:O}");
    }

    private static Bookmark Wait(
        StepContext context, WorkflowInstance instance, ActivityDefinition activity, string kind, string? eventName,
        DateTimeOffset? dueAt, string? timeoutOutcome)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, ActivityId = activity.Id, Kind = kind, EventName = eventName,
            DueAt = dueAt, TimeoutOutcome = timeoutOutcome,
        };
        BookmarkStore.Add(context, bookmark);
        if (dueAt is { } due && timeoutOutcome is not null)
        {
            context.SideEffects.FireTimer(bookmark.Id, instance.OrderId, due - context.Now);
        }

        return bookmark;
    }

    private static async Task<ActivityResult> EndAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity)
    {
        var result = activity.Text("result")!;
        var status = result switch
        {
            "approved" => FilingStatus.Approved,
            "rejected" => FilingStatus.BureauRejected,
            "withdrawn" => FilingStatus.Withdrawn,
            "expired" => FilingStatus.Expired,
            _ => null,
        };
        if (instance.ParentInstanceId is null && status is not null)
        {
            await OrderStatus.SetAsync(context, instance.OrderId, status, activity.Name ?? activity.Id);
        }

        return new ActivityResult.Finish(result);
    }
}
