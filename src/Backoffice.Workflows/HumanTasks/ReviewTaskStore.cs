using Dapper;
using Npgsql;

namespace Backoffice.Workflows.HumanTasks;

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

    public static Task OpenAsync(
        NpgsqlConnection connection, Guid instanceId, Guid bookmarkId, Guid orderId, string activityId, string step, string team,
        IReadOnlyList<string> outcomes, DateTimeOffset now, DateTimeOffset dueAt, DateTimeOffset? escalateAt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at, escalate_at)
            values (@id, @instanceId, @bookmarkId, @orderId, @activityId, @step, @team, @outcomes, 'open', @now, @dueAt, @escalateAt)
            """,
            new { id = Guid.CreateVersion7(), instanceId, bookmarkId, orderId, activityId, step, team, outcomes = outcomes.ToArray(), now, dueAt, escalateAt },
            cancellationToken: ct));

    public static Task CancelOpenAsync(NpgsqlConnection connection, Guid instanceId, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "update review_tasks set status = 'cancelled', completed_at = @now, row_version = row_version + 1 where instance_id = @instanceId and status = 'open'",
            new { instanceId, now }, cancellationToken: ct));

    public static Task<ReviewTask?> LoadForUpdateAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ReviewTask>(new CommandDefinition(
            Select + " where t.id = @id for update of t", new { id }, cancellationToken: ct));
}
