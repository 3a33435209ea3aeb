using System.Text.Json;

namespace Backoffice.Workflows.Definitions;

/// <summary>The JSON form of a definition (camelCase), as stored, served and imported.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false, MaxDepth = 32 };

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("Empty definition document.");

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>The default definitions shipped with the product (Definitions/Defaults/*.json), imported at seeding.</summary>
    public static IEnumerable<WorkflowDefinition> Defaults()
    {
        var assembly = typeof(DefinitionJson).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Definitions.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader.ReadToEnd());
        }
    }
}
