using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>
/// Opens the review task of a human-task activity's bookmark on its (locked) order; the task carries the order's
/// filing type and province, and its instance's definition version and province checks (db/0120).
/// </summary>
public sealed record OpenTask(
    WorkflowInstance Instance, Guid BookmarkId, FilingOrderRow Order, string ActivityId, string Step, string Team, IReadOnlyList<string> Outcomes,
    DateTimeOffset At, DateTimeOffset DueAt, DateTimeOffset? EscalateAt) : EngineWrite
{
    private const string Sql =
        """
        insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at,
            escalate_at, filing_type, province, definition_id, definition_version, authenticity_checks)
        values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $12, $13, $14, $15, $16)
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, Guid.CreateVersion7(), Instance.Id, BookmarkId, Order.Id, ActivityId, Step, Team, Outcomes.ToArray(), At, DueAt,
            DeferredWrites.Nullable(NpgsqlDbType.TimestampTz, EscalateAt), Order.FilingType, Order.Province, Instance.DefinitionId, Instance.Version,
            ProvinceRuleVariables.AuthenticityChecks(Instance.Variables).ToArray());
}

/// <summary>
/// Cancels the open tasks of an instance that has ended, after any task its step opened. The tasks are found
/// through their order's index: open tasks are not indexed by instance.
/// </summary>
public sealed record CancelOpenTasks(Guid OrderId, Guid InstanceId, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        update review_tasks set status = 'cancelled', completed_at = $1, row_version = row_version + 1
        where order_id = $2 and instance_id = $3 and status = 'open'
        """;

    internal override void AddTo(DeferredWrites writes) => writes.Add(Sql, At, OrderId, InstanceId);
}

/// <summary>
/// Records a decision on its task: done with its outcome, reasons, comment and who decided. The task must still be
/// open; otherwise the step fails before its COMMIT (<see cref="ConcurrentStepException"/> on the task's instance).
/// </summary>
public sealed record RecordTaskOutcome(
    Guid TaskId, Guid InstanceId, string Outcome, IReadOnlyList<string> Reasons, string? Comment, string By, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        update review_tasks set status = 'done', outcome = $1, reason_codes = $2, comment = $3, completed_by = $4, completed_at = $5,
            row_version = row_version + 1
        where id = $6 and status = 'open'
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.AddExpectingOneRow(() => new ConcurrentStepException(InstanceId), Sql,
            Outcome, Reasons.ToArray(), DeferredWrites.Nullable(NpgsqlDbType.Text, Comment), By, At, TaskId);
}

/// <summary>
/// What a decision records besides its outcome (<see cref="ReviewDecision"/>): the checklist items ticked, a return's
/// items as JSON, and the order's data as it was returned (none otherwise).
/// </summary>
public sealed record RecordReviewDecision(Guid TaskId, IReadOnlyList<string> Checklist, string ReturnItems, string? OrderBody) : EngineWrite
{
    private const string Sql = "insert into review_decisions (task_id, checklist, return_items, order_body) values ($1, $2, $3::jsonb, $4::jsonb)";

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, TaskId, Checklist.ToArray(), ReturnItems, DeferredWrites.Nullable(NpgsqlDbType.Text, OrderBody));
}
