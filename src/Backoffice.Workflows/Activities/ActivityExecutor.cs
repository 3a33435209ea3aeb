using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Activities;

/// <summary>
/// Applies what each activity type does (<see cref="ActivityBehaviour"/>) to the database within a step: the
/// order's status, bookmarks, review tasks and timers of waits, notifications, bureau submissions and results.
/// </summary>
public sealed class ActivityExecutor(BureauActivities bureauActivities, Notifications notifications)
{
    public async Task<ActivityResult> ExecuteAsync(StepContext context, WorkflowInstance instance, WorkflowDefinition definition, ActivityDefinition activity)
    {
        if (ActivityBehaviour.StatusOnEntry(activity, instance.Variables) is { } status)
        {
            await OrderStatus.SetAsync(context, instance.OrderId, status, activity.Name ?? activity.Id);
        }

        if (ActivityBehaviour.WaitOf(activity, context.Now, context.Calendar, instance.Variables) is { } wait)
        {
            return await WaitAsync(context, instance, activity, wait);
        }

        string? note = null;
        switch (activity.Type)
        {
            case ActivityTypes.Notify:
                await notifications.QueueAsync(context, instance, activity);
                break;
            case ActivityTypes.SubmitToBureau:
                await bureauActivities.SubmitAsync(context, instance.OrderId, activity.Name ?? activity.Id);
                break;
            case ActivityTypes.ApplyBureauResult:
                note = await bureauActivities.ApplyApprovalAsync(context, instance);
                break;
            case ActivityTypes.StartFollowUp:
                if (await context.LockOrderAsync(instance.OrderId) is { } followed)
                {
                    OrderEvents.Add(context, followed, OrderEvents.FollowUp, new { definition = activity.Text("definition"), step = activity.Name ?? activity.Id });
                }

                return new ActivityResult.StartChild(activity.Text("definition")!);
            case ActivityTypes.End:
                return await EndAsync(context, instance, activity);
            case var type when ActivityTypes.Find(type) is null:
                throw new InvalidOperationException($"Unknown activity type {activity.Type} in {definition.Id} v{definition.Version}.");
        }

        var order = ActivityBehaviour.ReadsOrder(activity) ? await OrderDocument.LoadAsync(context, instance.OrderId) : null;
        return new ActivityResult.Continue(ActivityBehaviour.Outcomes(activity, order, instance.Variables), note);
    }

    private static async Task<ActivityResult> WaitAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity, ActivityWait wait)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, ActivityId = activity.Id, Kind = wait.Kind, EventName = wait.Kind == BookmarkKinds.Task ? null : wait.EventName,
            DueAt = wait.BookmarkDueAt, TimeoutOutcome = wait.TimeoutOutcome,
        };
        context.Write(new CreateBookmark(bookmark, context.Now));
        if (wait.BookmarkDueAt is { } due && wait.TimeoutOutcome is not null)
        {
            context.SideEffects.FireTimer(bookmark.Id, instance.OrderId, due - context.Now);
        }

        switch (wait.Kind)
        {
            case BookmarkKinds.Task:
                var order = await context.LockOrderAsync(instance.OrderId) ?? throw new InvalidOperationException($"Order {instance.OrderId} does not exist.");
                context.Write(new OpenTask(instance, bookmark.Id, order, activity.Id, activity.Text("title") ?? activity.Name ?? activity.Id,
                    activity.Text("team")!, activity.List("outcomes"), context.Now, wait.DueAt!.Value, wait.EscalateAt));
                return new ActivityResult.Wait($"task for {activity.Text("team")} due {wait.DueAt.Value:O}");
            case BookmarkKinds.Applicant:
                return new ActivityResult.Wait($"waiting for the applicant: {wait.EventName}");
            case BookmarkKinds.Event:
                return new ActivityResult.Wait($"waiting for {wait.EventName}");
            default:
                return new ActivityResult.Wait($"timer until {wait.DueAt!.Value:O}");
        }
    }

    private static async Task<ActivityResult> EndAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity)
    {
        var result = activity.Text("result")!;
        if (instance.ParentInstanceId is null && ActivityBehaviour.EndStatus(result) is { } status)
        {
            await OrderStatus.SetAsync(context, instance.OrderId, status, activity.Name ?? activity.Id);
        }

        return new ActivityResult.Finish(result);
    }
}
