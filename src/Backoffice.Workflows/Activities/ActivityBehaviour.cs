using System.Text.Json.Nodes;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Expressions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Activities;

/// <summary>
/// What each activity type does, written once: the public status it sets on entry, how it waits (bookmark
/// kind, due time, the outcome its timeout gives), the outcomes it goes on with (decisions over the order and
/// the instance's variables), joins, and the order status an end gives. The engine
/// (<see cref="ActivityExecutor"/>, <see cref="Steps.WorkflowEngine"/>) applies it to the
/// database; the dry run (<see cref="DryRun.DryRunner"/>) plays it in memory.
/// </summary>
public static class ActivityBehaviour
{
    /// <summary>The public status the order takes when the activity starts, if any.</summary>
    public static string? StatusOnEntry(ActivityDefinition activity, JsonObject? variables = null) =>
        !ProvinceRuleVariables.SkipsSms(activity, variables) && activity.Type is ActivityTypes.HumanTask or ActivityTypes.WaitForApplicant or ActivityTypes.WaitForEvent or ActivityTypes.SetStatus
            ? activity.Text("status")
            : null;

    /// <summary>
    /// How a waiting activity started at <paramref name="now"/> waits; null for the types that finish at once, and for the
    /// SMS wait of a province without an SMS step (<see cref="ProvinceRuleVariables"/>), which goes on as verified.
    /// The SMS wait's timeout is the window of the province rules the instance started under.
    /// </summary>
    public static ActivityWait? WaitOf(ActivityDefinition activity, DateTimeOffset now, WorkingCalendar calendar, JsonObject? variables = null)
    {
        if (ProvinceRuleVariables.SkipsSms(activity, variables))
        {
            return null;
        }

        switch (activity.Type)
        {
            case ActivityTypes.HumanTask:
                Duration.TryRead(activity.Properties["sla"], out var sla);
                var due = sla.After(now, calendar);
                var escalateAt = Duration.TryRead(activity.Properties["escalateAfter"], out var escalate) ? escalate.After(due, calendar) : due;
                return new(BookmarkKinds.Task, null, due, null, escalateAt);
            case ActivityTypes.WaitForApplicant:
                Duration.TryRead(activity.Properties["deadline"], out var deadline);
                return new(BookmarkKinds.Applicant, activity.Text("action"), deadline.After(now, calendar), "expired");
            case ActivityTypes.WaitForEvent:
                var eventName = activity.Text("event")!;
                var timeout = ProvinceRuleVariables.SmsWindowHours(activity, variables) is { } hours ? new Duration(hours, "hours") : null;
                return timeout is not null || Duration.TryRead(activity.Properties["timeout"], out timeout)
                    ? new(BookmarkKinds.Event, eventName, timeout!.After(now, calendar), ActivityTypes.EventTimeoutOutcomes.GetValueOrDefault(eventName))
                    : new(BookmarkKinds.Event, eventName, null, null);
            case ActivityTypes.Delay:
                Duration.TryRead(activity.Properties["duration"], out var delay);
                return new(BookmarkKinds.Timer, null, delay.After(now, calendar), "done");
            default:
                return null;
        }
    }

    /// <summary>Whether <see cref="Outcomes"/> needs the order document (decisions read it).</summary>
    public static bool ReadsOrder(ActivityDefinition activity) => activity.Type == ActivityTypes.Decision;

    /// <summary>
    /// The outcomes an activity that does not wait goes on with: a decision's verdict over the order and the
    /// instance's variables (an <see cref="ExpressionException"/> when it cannot be evaluated), a fork's
    /// branches, "done" for the others. Not for waits and ends.
    /// </summary>
    public static IReadOnlyList<string> Outcomes(ActivityDefinition activity, JsonObject? order, JsonObject variables) => activity.Type switch
    {
        ActivityTypes.Decision =>
            [ExpressionSandbox.EvaluateCondition(activity.Text("expression")!, order!.ToJsonString(), variables.ToJsonString()) ? "true" : "false"],
        ActivityTypes.Fork => activity.List("branches"),
        ActivityTypes.WaitForEvent when ProvinceRuleVariables.SkipsSms(activity, variables) => ["verified"],
        ActivityTypes.Join or ActivityTypes.SetStatus or ActivityTypes.Notify or ActivityTypes.SubmitToBureau
            or ActivityTypes.ApplyBureauResult or ActivityTypes.StartFollowUp => ["done"],
        _ => throw new InvalidOperationException($"Activity {activity.Id} of type {activity.Type} does not go on with outcomes."),
    };

    /// <summary>
    /// A branch from <paramref name="from"/> reaches a join: true when every activity connected to it has arrived
    /// (the join then runs once and starts over). Arrivals are kept in the instance's variables under "joins".
    /// </summary>
    public static bool Arrive(JsonObject variables, WorkflowDefinition definition, string joinId, string? from)
    {
        var joins = variables["joins"] as JsonObject ?? [];
        variables["joins"] = joins;
        var arrived = joins[joinId] as JsonArray ?? [];
        joins[joinId] = arrived;
        if (from is not null && arrived.All(a => a!.GetValue<string>() != from))
        {
            arrived.Add(from);
        }

        var needed = definition.Connections.Where(c => c.Target == joinId).Select(c => c.Source).Distinct().Count();
        if (arrived.Count < needed)
        {
            return false;
        }

        joins.Remove(joinId);
        return true;
    }

    /// <summary>The public status an order takes when its main instance ends with <paramref name="result"/>, if any.</summary>
    public static string? EndStatus(string result) => result switch
    {
        "approved" => FilingStatus.Approved,
        "rejected" => FilingStatus.BureauRejected,
        "withdrawn" => FilingStatus.Withdrawn,
        "expired" => FilingStatus.Expired,
        _ => null,
    };
}

/// <summary>
/// How an activity waits: its bookmark kind, the event (or the applicant's action) it waits for, its due time
/// (a task's SLA), the outcome its timeout gives (none: nothing fires at the due time), and when a task escalates.
/// </summary>
public sealed record ActivityWait(string Kind, string? EventName, DateTimeOffset? DueAt, string? TimeoutOutcome, DateTimeOffset? EscalateAt = null)
{
    /// <summary>The due time kept on the bookmark: a task's SLA is kept on the task, not the bookmark.</summary>
    public DateTimeOffset? BookmarkDueAt => Kind == BookmarkKinds.Task ? null : DueAt;

    /// <summary>A timer: nothing answers it but its due time.</summary>
    public bool OnlyTimesOut => Kind == BookmarkKinds.Timer;
}
