using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// A row of an instance's journal (<c>workflow_journal</c>): the activity, its outcome, who and when. A step's
/// rows go out as one multi-row insert.
/// </summary>
public sealed record AppendJournal(
    Guid InstanceId, Guid OrderId, DateTimeOffset At, string ActivityId, string ActivityType, string? ActivityName, string? Outcome,
    string Actor, string? Note) : EngineWrite
{
    private static readonly RowTable Rows = new("workflow_journal",
        ("instance_id", "uuid", typeof(Guid)), ("order_id", "uuid", typeof(Guid)), ("at", "timestamptz", typeof(DateTimeOffset)),
        ("activity_id", "text", typeof(string)), ("activity_type", "text", typeof(string)), ("activity_name", "text", typeof(string)),
        ("outcome", "text", typeof(string)), ("actor", "text", typeof(string)), ("note", "text", typeof(string)));

    /// <summary>The row of <paramref name="instance"/> at the step's time, by the step's actor.</summary>
    public static AppendJournal Of(
        StepContext step, WorkflowInstance instance, string activityId, string activityType, string? activityName, string? outcome, string? note) =>
        new(instance.Id, instance.OrderId, step.Now, activityId, activityType, activityName, outcome, step.Actor, note);

    internal override void AddTo(DeferredWrites writes) =>
        writes.AddRow(Rows, InstanceId, OrderId, At, ActivityId, ActivityType, ActivityName, Outcome, Actor, Note);
}
