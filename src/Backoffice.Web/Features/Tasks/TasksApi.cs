using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;

namespace Backoffice.Web.Features.Tasks;

/// <summary>Reviewer task endpoints of docs/API.md: list, claim, release, complete, reassign, and claim, release or reassign of many at once.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").RequireAuthorization(Policies.Staff).WithTags("Tasks");
        tasks.MapGet("/", TaskList.HandleAsync);
        tasks.MapPost("/{id:guid}/claim", TaskActions.ClaimApiAsync).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/release", TaskActions.ReleaseApiAsync).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/complete", CompleteTask.ApiAsync).Accepts<CompleteTask.Request>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/bulk", BulkTaskActions.ApiAsync).Accepts<BulkTaskActions.Request>(Json).Produces<BulkTaskActions.Answer>().ProducesValidationProblem();
        tasks.MapPost("/{id:guid}/reassign", TaskActions.ReassignApiAsync).Accepts<TaskActions.ReassignRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
