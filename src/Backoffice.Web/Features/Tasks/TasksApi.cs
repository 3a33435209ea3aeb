using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.ReviewTasks;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// Reviewer task endpoints of docs/API.md: list, claim, release, complete, reassign, and claim, release or reassign of
/// many at once. Each runs the task's operation in Backoffice.Workflows/ReviewTasks and answers from its result.
/// </summary>
public static class TasksApi
{
    public sealed record ReassignRequest(string? Assignee);

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").RequireAuthorization(Policies.Staff).WithTags("Tasks");
        tasks.MapGet("/", TaskList.HandleAsync);
        tasks.MapPost("/{id:guid}/claim", ClaimAsync).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/release", ReleaseAsync).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).Accepts<CompleteTask.Request>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/bulk", BulkTaskActions.ApiAsync).Accepts<BulkTaskActions.Request>(Json).Produces<BulkTaskActions.Answer>().ProducesValidationProblem();
        tasks.MapPost("/{id:guid}/reassign", ReassignAsync).Accepts<ReassignRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Task<IResult> ClaimAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ChangeAsync(id, context, dataSource, clock, "claimed", ClaimTask.RunAsync);

    private static Task<IResult> ReleaseAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        ChangeAsync(id, context, dataSource, clock, "released", ReleaseTask.RunAsync);

    private static async Task<IResult> ReassignAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
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

        return await ChangeAsync(id, context, dataSource, clock, "reassigned",
            (connection, access, taskId, now, ct) => ReassignTask.RunAsync(connection, access, taskId, body.Assignee, now, ct));
    }

    /// <summary>POST /api/tasks/{id}/complete: 400 naming the field, 404, 403 or 409 as docs/API.md says, else 200.</summary>
    private static async Task<IResult> CompleteAsync(Guid id, HttpContext context, CompleteTask completeTask)
    {
        var (body, problem) = await JsonBody.ReadAsync<CompleteTask.Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var completion = await completeTask.RunAsync(TaskWorkers.Of(context.User), id, body!, context.RequestAborted);
        return completion.Errors is not null ? Problems.Validation(context, completion.Errors)
            : completion.Change.Succeeded ? Results.Ok(new { id, outcome = body!.Outcome })
            : TaskMessages.Problem(context, completion.Change);
    }

    private static async Task<IResult> ChangeAsync(
        Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, string action,
        Func<NpgsqlConnection, TaskAccess, Guid, DateTimeOffset, CancellationToken, Task<TaskChange>> change)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var result = await change(connection, access, id, clock.GetUtcNow(), ct);
        return result.Succeeded
            ? Results.Ok(new { id, action, assignee = result.Holder })
            : TaskMessages.Problem(context, result);
    }
}
