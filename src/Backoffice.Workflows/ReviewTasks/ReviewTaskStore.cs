using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>Review task rows: opened by a human-task activity, cancelled when the instance ends.</summary>
public static class ReviewTaskStore
{
    public const string Select =
        """
        select t.id, t.instance_id, t.bookmark_id, t.order_id, o.order_number, t.activity_id, t.step, t.team, t.outcomes,
               t.assignee, t.status, t.created_at, t.due_at, t.outcome, t.reason_codes, t.comment, t.completed_by,
               t.completed_at, t.row_version
        from review_tasks t join filing_orders o on o.id = t.order_id
        """;

    /// <summary>Opens a task on the step's locked order with the step's writes; it carries the order's filing type and province.</summary>
    public static void Open(
        StepContext context, Guid instanceId, Guid bookmarkId, FilingOrderRow order, string activityId, string step, string team,
        IReadOnlyList<string> outcomes, DateTimeOffset dueAt, DateTimeOffset? escalateAt) =>
        context.Writes.Add(
            """
            insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at,
                escalate_at, filing_type, province)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $12, $13)
            """,
            Guid.CreateVersion7(), instanceId, bookmarkId, order.Id, activityId, step, team, outcomes.ToArray(), context.Now, dueAt,
            DeferredWrites.Nullable(NpgsqlDbType.TimestampTz, escalateAt),
            order.FilingType, order.Province);

    /// <summary>
    /// Cancels the instance's open tasks with the step's writes, after any task the step opened. The
    /// tasks are found through their order's index: open tasks are not indexed by instance.
    /// </summary>
    public static void CancelOpen(StepContext context, WorkflowInstance instance) =>
        context.Writes.Add(
            """
            update review_tasks set status = 'cancelled', completed_at = $1, row_version = row_version + 1
            where order_id = $2 and instance_id = $3 and status = 'open'
            """,
            context.Now, instance.OrderId, instance.Id);
}
