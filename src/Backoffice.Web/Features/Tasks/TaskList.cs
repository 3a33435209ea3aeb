using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>GET /api/tasks?scope=mine|team|all&amp;status=open|done&amp;overdue=true&amp;filingId=: only tasks of the caller's teams (admins: all).</summary>
public static class TaskList
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, NpgsqlDataSource dataSource, DefinitionStore definitions, TimeProvider clock, string? scope, string? status, bool? overdue, Guid? filingId)
    {
        var errors = new ValidationErrors();
        if (scope is not null and not ("mine" or "team" or "all")) errors.Add("scope", "invalid-choice", "mine, team, all");
        if (status is not null and not ("open" or "done")) errors.Add("status", "invalid-choice", "open, done");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var now = clock.GetUtcNow();
        var tasks = (await connection.QueryAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select +
            """
             where t.status = @status
               and (@admin or t.team = any(@teams))
               and (@scope <> 'mine' or t.assignee = @username)
               and (not @overdue or t.due_at < @now)
               and (@filingId::uuid is null or t.order_id = @filingId)
             order by t.due_at, t.id limit 500
            """,
            new
            {
                status = status ?? "open", admin = access.IsAdmin, teams = access.Teams.ToArray(), scope = scope ?? "team",
                username = access.Username, overdue = overdue ?? false, now, filingId,
            }, cancellationToken: ct))).AsList();
        var checklists = await TaskStep.RequiredChecklistsAsync(connection, definitions, tasks, ct);
        return Results.Ok(tasks.Select((t, i) => TaskView.Of(t, now, checklists[i])));
    }
}
