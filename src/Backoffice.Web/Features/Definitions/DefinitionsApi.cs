using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Features.Operations;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// Workflow definitions for compliance managers (docs/API.md), and the activity palette. The one
/// <c>/api/workflow-definitions</c> route group is made here, behind the compliance policy: a definition's
/// drafts, publication and approval, then what the designer asks of a definition (validation, versions, diffs,
/// impact, scenarios, dry runs, import and export) under the designer's tag; instance migrations between its
/// versions (<see cref="MigrationsApi"/>) map into it under their own tag.
/// </summary>
public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-types", ActivityTypeList).RequireAuthorization(Policies.Compliance).WithTags("Workflow definitions");
        var definitions = app.MapGroup("/api/workflow-definitions").RequireAuthorization(Policies.Compliance);
        var group = definitions.MapGroup("").WithTags("Workflow definitions");
        group.MapGet("/", async (HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
            return Results.Ok(await store.ListAsync(connection, context.RequestAborted));
        });
        group.MapGet("/{id}/versions/{version:int}", async (string id, int version, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
            var definition = await store.FindVersionAsync(connection, id, version, context.RequestAborted);
            return definition is null ? Problems.NotFound(context) : Results.Ok(definition);
        });
        group.MapPut("/{id}/draft", DefinitionVersions.SaveDraftAsync).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        group.MapDelete("/{id}/draft", DefinitionVersions.DiscardDraftAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/publish", DefinitionVersions.PublishAsync).Accepts<PublicationApproval.NoteRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/versions/{version:int}/approve", PublicationApproval.ApproveAsync).Accepts<PublicationApproval.NoteRequest>(Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/versions/{version:int}/reject", PublicationApproval.RejectAsync).Accepts<PublicationApproval.NoteRequest>(Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        var designer = definitions.MapGroup("").WithTags("Workflow designer");
        designer.MapPost("/{id}/validate", DefinitionVersions.ValidateAsync).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        designer.MapGet("/{id}/versions", VersionHistory.ListAsync).Produces<IReadOnlyList<VersionHistory.VersionRow>>();
        designer.MapGet("/{id}/versions/{version:int}/waiting", VersionHistory.WaitingAsync);
        designer.MapGet("/{id}/diff", VersionDiff.GetAsync).ProducesValidationProblem();
        designer.MapGet("/{id}/impact", ImpactPreview.GetAsync).ProducesValidationProblem();
        designer.MapScenarios();
        designer.MapPost("/{id}/dry-run", DryRunEndpoint.RunAsync).Accepts<DryRunEndpoint.DryRunRequest>(Json).ProducesValidationProblem();
        designer.MapGet("/{id}/versions/{version:int}/export", ImportExport.ExportAsync);
        designer.MapPost("/{id}/import", ImportExport.ImportAsync).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        definitions.MapMigrationEndpoints();
        return app;
    }

    private static IResult ActivityTypeList(HttpContext context)
    {
        var english = context.IsEnglish();
        return Results.Ok(ActivityTypes.All.Select(t => new
        {
            type = t.Type,
            label = english ? t.LabelEn : t.LabelZh,
            blocking = t.Blocking,
            properties = t.Properties.Select(p => new { name = p.Name, kind = p.Kind, required = p.Required, label = english ? p.LabelEn : p.LabelZh, choices = p.Choices }),
            outcomes = t.Outcomes,
            outcomesFrom = t.Type switch
            {
                ActivityTypes.HumanTask => "property:outcomes",
                ActivityTypes.Fork => "property:branches",
                ActivityTypes.WaitForEvent => "property:event",
                _ => null,
            },
            eventOutcomes = t.Type == ActivityTypes.WaitForEvent ? ActivityTypes.EventOutcomes : null,
        }));
    }
}
