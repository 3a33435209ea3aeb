using System.Text;
using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>A definition version as a JSON file, and a JSON file imported as the draft (whatever id it carried).</summary>
public static class ImportExport
{
    private static readonly JsonSerializerOptions Indented = new(DefinitionJson.Options) { WriteIndented = true };

    public static async Task<IResult> ExportAsync(string id, int version, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var definition = await store.FindVersionAsync(connection, id, version, context.RequestAborted);
        return definition is null
            ? Problems.NotFound(context)
            : Results.File(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition, Indented)), "application/json", $"{id}-v{version}.json");
    }

    public static async Task<IResult> ImportAsync(string id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (definition, problem) = await JsonBody.ReadAsync<WorkflowDefinition>(context);
        return problem
            ?? await DefinitionVersions.StoreDraftAsync(id, definition! with { Id = id, Version = 0 }, "definition-imported", context, dataSource, clock);
    }
}
