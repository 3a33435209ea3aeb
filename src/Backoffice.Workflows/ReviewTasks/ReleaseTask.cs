using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>The holder gives an open task back to the team's queue.</summary>
public static class ReleaseTask
{
    private const string Sql =
        "update review_tasks set assignee = null, row_version = row_version + 1 where id = @id and status = 'open' and assignee = @username";

    public static Task<TaskChange> RunAsync(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct) =>
        TaskHolder.ChangeAsync(connection, access, id, now, "released", (a, task) => a.CanWork(task.Team), Sql, null, ct);
}
