using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.HumanTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>Claim, release and reassign: one conditional update each, so two people at once cannot both win.</summary>
public static class TaskActions
{
    public sealed record ReassignRequest(string? Assignee);

    public static Task<IResult> ClaimAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ChangeAsync(id, context, dataSource, clock, "claimed", (access, task) => access.CanWork(task.Team),
            "update review_tasks set assignee = @username, row_version = row_version + 1 where id = @id and status = 'open' and (assignee is null or assignee = @username)",
            null);

    public static Task<IResult> ReleaseAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ChangeAsync(id, context, dataSource, clock, "released", (access, task) => access.CanWork(task.Team),
            "update review_tasks set assignee = null, row_version = row_version + 1 where id = @id and status = 'open' and assignee = @username",
            null);

    public static async Task<IResult> ReassignAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
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

        return await ChangeAsync(id, context, dataSource, clock, "reassigned", (access, task) => access.CanReassign(task.Team),
            """
            update review_tasks set assignee = @assignee, row_version = row_version + 1
            where id = @id and status = 'open' and exists (
                select 1 from team_members m join users u on u.id = m.user_id
                where m.team_id = review_tasks.team and u.username = @assignee and u.active)
            """,
            body.Assignee);
    }

    private static async Task<IResult> ChangeAsync(
        Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, string action,
        Func<TaskAccess, ReviewTask, bool> allowed, string sql, string? assignee)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskAccess.ForAsync(context.User, connection, ct);
        var task = await connection.QuerySingleOrDefaultAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.id = @id", new { id }, cancellationToken: ct));
        if (task is null)
        {
            return Problems.NotFound(context);
        }

        if (!allowed(access, task))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: context.IsEnglish() ? "This task belongs to a team you are not in." : "该任务不属于您所在的处理组。");
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, new { id, username = access.Username, assignee }, transaction, cancellationToken: ct));
        if (changed == 0)
        {
            var current = await connection.QuerySingleAsync<(string Status, string? Assignee)>(new CommandDefinition(
                "select status, assignee from review_tasks where id = @id", new { id }, transaction, cancellationToken: ct));
            return current.Status != "open"
                ? Problems.Conflict(context, "task-closed", TaskMessages.Closed(context), new { current.Status })
                : assignee is not null
                    ? Problems.Field(context, "assignee", "assignee-not-in-team")
                    : Problems.Conflict(context, "task-held", TaskMessages.Held(context, current.Assignee), new { holder = current.Assignee });
        }

        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), access.Username, $"task-{action}", "review-task", id.ToString(),
            new { task.OrderNumber, task.Step, assignee }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { id, action, assignee = assignee ?? (action == "claimed" ? access.Username : null) });
    }
}
