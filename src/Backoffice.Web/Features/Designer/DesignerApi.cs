using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Features.Definitions;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Npgsql;

namespace Backoffice.Web.Features.Designer;

/// <summary>
/// What the workflow designer needs beyond the definitions API: validation without saving, version
/// history, diffs, where running orders wait, dry runs, import/export and the reference lists of
/// its property editors. Every answer comes from the engine's own code (one source of truth).
/// </summary>
public static class DesignerApi
{
    /// <summary>The designer's endpoints on one definition, in the definitions' route group (<see cref="DefinitionsApi"/>).</summary>
    public static RouteGroupBuilder MapDesignerEndpoints(this RouteGroupBuilder definitions)
    {
        var group = definitions.MapGroup("").WithTags("Workflow designer");
        group.MapPost("/{id}/validate", ValidateAsync).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        group.MapGet("/{id}/versions", VersionHistory.ListAsync).Produces<IReadOnlyList<VersionHistory.VersionRow>>();
        group.MapGet("/{id}/versions/{version:int}/waiting", VersionHistory.WaitingAsync);
        group.MapGet("/{id}/diff", VersionDiff.GetAsync).ProducesValidationProblem();
        group.MapGet("/{id}/impact", ImpactPreview.GetAsync).ProducesValidationProblem();
        group.MapScenarios();
        group.MapPost("/{id}/dry-run", DryRunEndpoint.RunAsync).Accepts<DryRunEndpoint.DryRunRequest>(Json).ProducesValidationProblem();
        group.MapGet("/{id}/versions/{version:int}/export", ImportExport.ExportAsync);
        group.MapPost("/{id}/import", ImportExport.ImportAsync).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        return definitions;
    }

    /// <summary>The reference lists of the property editors and the template preview, outside any one definition.</summary>
    public static IEndpointRouteBuilder MapDesignerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/designer/reference", DesignerReference.GetAsync).RequireAuthorization(Policies.Compliance).WithTags("Workflow designer");
        app.MapPost("/api/designer/template-preview", DesignerReference.PreviewAsync).RequireAuthorization(Policies.Compliance)
            .WithTags("Workflow designer").Accepts<DesignerReference.PreviewRequest>(Json).ProducesValidationProblem();
        return app;
    }

    /// <summary>The engine's validation of an edited definition, without saving it: every error keyed by its activity.</summary>
    private static async Task<IResult> ValidateAsync(string id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var (definition, problem) = await JsonBody.ReadAsync<WorkflowDefinition>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (definition!.MissingPart() is { } missing)
        {
            return Problems.Field(context, missing, "required");
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await DesignerQueries.DefinitionExistsAsync(connection, id, ct))
        {
            return Problems.NotFound(context);
        }

        var errors = await DefinitionVersions.ValidateAsync(connection, definition with { Id = id }, ct);
        return Results.Ok(new { valid = errors.Count == 0, errors });
    }
}
