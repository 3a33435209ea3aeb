using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>"Next task": claims the unclaimed open task of the caller's teams that is due first.</summary>
public static class ClaimNextTask
{
    /// <summary>The task claimed; null when there is none.</summary>
    public static async Task<Guid?> RunAsync(NpgsqlConnection connection, TaskAccess access, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var task = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid OrderId, string Step)?>(new CommandDefinition(
            """
            update review_tasks set assignee = @username, row_version = row_version + 1
            where id = (select id from review_tasks
                        where status = 'open' and assignee is null and team = any(@teams)
                        order by due_at, id limit 1 for update skip locked)
            returning id, order_id, step
            """,
            new { username = access.Username, teams = access.Teams.ToArray() }, transaction, cancellationToken: ct));
        if (task is null)
        {
            return null;
        }

        await AuditLog.WriteAsync(connection, transaction, now, access.Username, "task-claimed", "review-task", task.Value.Id.ToString(),
            new { task.Value.OrderId, task.Value.Step, next = true }, ct);
        await transaction.CommitAsync(ct);
        return task.Value.Id;
    }
}
