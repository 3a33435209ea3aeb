using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>
/// Changes who holds an open task by one conditional update, so two people at once cannot both win; the loser
/// learns who holds the task. Claim, release and reassign are this change with their own condition.
/// </summary>
internal static class TaskHolder
{
    public static async Task<TaskChange> ChangeAsync(
        NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, string action,
        Func<TaskAccess, ReviewTask, bool> allowed, string sql, string? assignee, CancellationToken ct)
    {
        var task = await connection.QuerySingleOrDefaultAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.id = @id", new { id }, cancellationToken: ct));
        if (task is null)
        {
            return TaskChange.NotFound;
        }

        if (!allowed(access, task))
        {
            return TaskChange.Forbidden;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, new { id, username = access.Username, assignee }, transaction, cancellationToken: ct));
        if (changed == 0)
        {
            var current = await connection.QuerySingleAsync<(string Status, string? Assignee)>(new CommandDefinition(
                "select status, assignee from review_tasks where id = @id", new { id }, transaction, cancellationToken: ct));
            return current.Status != "open"
                ? new TaskChange(TaskChange.Kind.Closed, Status: current.Status)
                : assignee is not null
                    ? new TaskChange(TaskChange.Kind.AssigneeNotInTeam)
                    : new TaskChange(TaskChange.Kind.Held, current.Assignee);
        }

        await AuditLog.WriteAsync(connection, transaction, now, access.Username, $"task-{action}", "review-task", id.ToString(),
            new { task.OrderNumber, task.Step, assignee }, ct);
        await transaction.CommitAsync(ct);
        return new TaskChange(TaskChange.Kind.Changed, assignee ?? (action == "claimed" ? access.Username : null));
    }
}
