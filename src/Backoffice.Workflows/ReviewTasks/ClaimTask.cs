using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>A member of the task's team takes an open task nobody holds (or already his) to work on it.</summary>
public static class ClaimTask
{
    private const string Sql =
        "update review_tasks set assignee = @username, row_version = row_version + 1 where id = @id and status = 'open' and (assignee is null or assignee = @username)";

    public static Task<TaskChange> RunAsync(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct) =>
        TaskHolder.ChangeAsync(connection, access, id, now, "claimed", (a, task) => a.CanWork(task.Team), Sql, null, ct);
}
