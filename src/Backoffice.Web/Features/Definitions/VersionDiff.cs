using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// GET /api/workflow-definitions/{id}/diff?from=&amp;to=: what changed between two versions, each change
/// with its description in business language (Chinese, or English with ?lang=en), and the list of
/// those descriptions in reading order (<c>changes</c>).
/// </summary>
public static class VersionDiff
{
    public static async Task<IResult> GetAsync(string id, int? from, int? to, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (before, after, problem) = await VersionsAsync(connection, store, id, from, to, context);
        if (problem is not null)
        {
            return problem;
        }

        var labels = await ChangeLabels.LoadAsync(connection, context.IsEnglish(), ct);
        var diff = DefinitionDiff.Between(before, after);
        var text = new ChangeDescriptions(before, after, labels);
        return Results.Ok(new
        {
            id, from, to,
            Diff = new
            {
                diff.AddedActivities,
                diff.RemovedActivities,
                changedActivities = diff.ChangedActivities.Select(c => new { c.Id, c.Fields, description = text.Changed(c) }),
                addedConnections = diff.AddedConnections.Select(c => new { c.Source, c.Outcome, c.Target, description = text.Connection(c, added: true) }),
                removedConnections = diff.RemovedConnections.Select(c => new { c.Source, c.Outcome, c.Target, description = text.Connection(c, added: false) }),
                diff.StartChanged,
            },
            Changes = text.All(diff),
        });
    }

    /// <summary>
    /// The two versions a diff or an impact preview compares: 404 for an unknown definition, 400 at <c>from</c>
    /// and <c>to</c> for a version missing or not found.
    /// </summary>
    internal static async Task<(WorkflowDefinition Before, WorkflowDefinition After, IResult? Problem)> VersionsAsync(
        NpgsqlConnection connection, DefinitionStore store, string id, int? from, int? to, HttpContext context)
    {
        var ct = context.RequestAborted;
        if (!await DefinitionStore.ExistsAsync(connection, id, ct))
        {
            return (null!, null!, Problems.NotFound(context));
        }

        var errors = new ValidationErrors();
        var before = await VersionAsync(connection, store, id, "from", from, errors, ct);
        var after = await VersionAsync(connection, store, id, "to", to, errors, ct);
        return errors.IsEmpty ? (before!, after!, null) : (null!, null!, Problems.Validation(context, errors));
    }

    private static async Task<WorkflowDefinition?> VersionAsync(
        NpgsqlConnection connection, DefinitionStore store, string id, string field, int? version, ValidationErrors errors, CancellationToken ct)
    {
        if (version is null)
        {
            errors.Add(field, "required");
            return null;
        }

        var definition = await store.FindVersionAsync(connection, id, version.Value, ct);
        if (definition is null)
        {
            errors.Add(field, "version-not-found", version.Value);
        }

        return definition;
    }
}
