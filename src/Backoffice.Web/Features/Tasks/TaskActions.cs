using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.HumanTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// Claim, release, reassign and "next task": one conditional update each, so two people at once
/// cannot both win; the loser learns who holds the task. The API endpoints and the inbox pages share them.
/// </summary>
public static class TaskActions
{
    public sealed record ReassignRequest(string? Assignee);

    private const string ClaimSql =
        "update review_tasks set assignee = @username, row_version = row_version + 1 where id = @id and status = 'open' and (assignee is null or assignee = @username)";

    private const string ReleaseSql =
        "update review_tasks set assignee = null, row_version = row_version + 1 where id = @id and status = 'open' and assignee = @username";

    private const string ReassignSql =
        """
        update review_tasks set assignee = @assignee, row_version = row_version + 1
        where id = @id and status = 'open' and exists (
            select 1 from team_members m join users u on u.id = m.user_id
            where m.team_id = review_tasks.team and u.username = @assignee and u.active)
        """;

    public static Task<TaskChange> ClaimAsync(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(connection, access, id, now, "claimed", (a, task) => a.CanWork(task.Team), ClaimSql, null, ct);

    public static Task<TaskChange> ReleaseAsync(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(connection, access, id, now, "released", (a, task) => a.CanWork(task.Team), ReleaseSql, null, ct);

    public static Task<TaskChange> ReassignAsync(
        NpgsqlConnection connection, TaskAccess access, Guid id, string assignee, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(connection, access, id, now, "reassigned", (a, task) => a.CanReassign(task.Team), ReassignSql, assignee, ct);

    /// <summary>Claims the unclaimed open task of the caller's teams that is due first; null when there is none.</summary>
    public static async Task<Guid?> ClaimNextAsync(NpgsqlConnection connection, TaskAccess access, DateTimeOffset now, CancellationToken ct)
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

    public static Task<IResult> ClaimApiAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ApiAsync(id, context, dataSource, clock, "claimed", ClaimAsync);

    public static Task<IResult> ReleaseApiAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ApiAsync(id, context, dataSource, clock, "released", ReleaseAsync);

    public static async Task<IResult> ReassignApiAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReassignRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Assignee) || body.Assignee.Length > 100)
        {
            return Problems.Field(context, "assignee", "required");
        }

        return await ApiAsync(id, context, dataSource, clock, "reassigned",
            (connection, access, taskId, now, ct) => ReassignAsync(connection, access, taskId, body.Assignee, now, ct));
    }

    private static async Task<IResult> ApiAsync(
        Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, string action,
        Func<NpgsqlConnection, TaskAccess, Guid, DateTimeOffset, CancellationToken, Task<TaskChange>> change)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskAccess.ForAsync(context.User, connection, ct);
        var result = await change(connection, access, id, clock.GetUtcNow(), ct);
        return result.Succeeded
            ? Results.Ok(new { id, action, assignee = result.Holder })
            : TaskMessages.Problem(context, result);
    }

    private static async Task<TaskChange> ChangeAsync(
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
