using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>A lead of the task's team (or an admin) gives an open task to an active member of that team.</summary>
public static class ReassignTask
{
    private const string Sql =
        """
        update review_tasks set assignee = @assignee, row_version = row_version + 1
        where id = @id and status = 'open' and exists (
            select 1 from team_members m join users u on u.id = m.user_id
            where m.team_id = review_tasks.team and u.username = @assignee and u.active)
        """;

    public static Task<TaskChange> RunAsync(
        NpgsqlConnection connection, TaskAccess access, Guid id, string assignee, DateTimeOffset now, CancellationToken ct) =>
        TaskHolder.ChangeAsync(connection, access, id, now, "reassigned", (a, task) => a.CanReassign(task.Team), Sql, assignee, ct);
}
