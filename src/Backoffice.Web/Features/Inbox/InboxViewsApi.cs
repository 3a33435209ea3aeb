using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Npgsql;
using static Backoffice.Web.Infrastructure.OpenApiDocument;

namespace Backoffice.Web.Features.Inbox;

/// <summary>/api/inbox-views: the saved inbox views a reviewer may apply; create one (personal, or shared with a team he leads); delete one.</summary>
public static class InboxViewsApi
{
    public static IEndpointRouteBuilder MapInboxViewsApi(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/inbox-views").RequireAuthorization(Policies.Reviewer).WithTags("Tasks");
        views.MapGet("/", ListAsync).Produces<InboxViews.View[]>();
        views.MapGet("/{id:guid}", GetAsync).Produces<InboxViews.View>().ProducesProblem(StatusCodes.Status404NotFound);
        views.MapPost("/", CreateAsync).Accepts<InboxViews.Request>(Json).Produces<InboxViews.View>(StatusCodes.Status201Created).ProducesValidationProblem();
        views.MapDelete("/{id:guid}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        return Results.Ok(await InboxViews.ListAsync(connection, access, ct));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var view = await InboxViews.GetAsync(connection, access, id, ct);
        return view is null ? Problems.NotFound(context) : Results.Ok(view);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<InboxViews.Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var (view, errors) = await InboxViews.CreateAsync(connection, access, body!, clock.GetUtcNow(), ct);
        return view is null ? Problems.Validation(context, errors) : Results.Created($"/api/inbox-views/{view.Id}", view);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        return await InboxViews.DeleteAsync(connection, access, id, clock.GetUtcNow(), ct) switch
        {
            InboxViews.Deletion.Deleted => Results.NoContent(),
            InboxViews.Deletion.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: context.T("只有视图的创建人或该组组长可以删除共享视图。", "Only the view's owner or a lead of its team deletes a shared view.")),
            _ => Problems.NotFound(context),
        };
    }
}
