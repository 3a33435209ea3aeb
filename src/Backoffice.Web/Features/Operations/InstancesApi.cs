using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// Operations on workflow instances for compliance managers (API.md, "Safe change and operations"):
/// the instances of a definition and version, by status and current step, 50 a page, newest first;
/// and one instance with its journal, variables and the bookmarks it waits on. A faulted instance's
/// current step is the activity it faulted at.
/// </summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").RequireAuthorization(Policies.Compliance).WithTags("Workflow instances");
        group.MapGet("/", ListAsync).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync);
        group.MapIncidents();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? definition, int? version, string? status, string? activity, int? page, HttpContext context, NpgsqlDataSource dataSource)
    {
        var errors = new ValidationErrors();
        if (status is not null && !InstanceLabels.Statuses.Contains(status))
        {
            errors.Add("status", "invalid-choice", string.Join(", ", InstanceLabels.Statuses));
        }

        if (page is < 1 or > 100000)
        {
            errors.Add("page", "page-range");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var (rows, total) = await InstanceList.PageAsync(
            connection, new InstanceList.Filter(definition, version, status, activity, page ?? 1), context.RequestAborted);
        return Results.Ok(new { items = rows.Select(Summary), total });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await InstanceList.OneAsync(connection, id, ct) is not { } instance)
        {
            return Problems.NotFound(context);
        }

        var (row, journal, bookmarks) = instance;

        return Results.Ok(new
        {
            row.Id, row.OrderId, row.OrderNumber, row.DefinitionId, row.Version, row.Status, row.CurrentActivities, row.StartedAt,
            journal, variables = JsonNode.Parse(row.Variables), bookmarks,
        });
    }

    private static object Summary(InstanceList.Row row) => new
    {
        row.Id, row.OrderId, row.OrderNumber, row.DefinitionId, row.Version, row.Status, row.CurrentActivities, row.StartedAt,
    };
}
