using System.Text.Json.Nodes;

namespace Backoffice.Workflows.Definitions;

/// <summary>
/// A flowchart of typed activities joined by outcome-labelled connections (as Elsa 3's flowchart),
/// one document per filing type or follow-up process and version.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? FilingType { get; init; }
    public int Version { get; init; }
    public required string Start { get; init; }
    public JsonObject? Variables { get; init; }
    public required IReadOnlyList<ActivityDefinition> Activities { get; init; }
    public required IReadOnlyList<Connection> Connections { get; init; }

    public ActivityDefinition? Find(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);

    public IEnumerable<Connection> From(string activityId, string outcome) =>
        Connections.Where(c => c.Source == activityId && c.Outcome == outcome);

    public int IncomingCount(string activityId) => Connections.Count(c => c.Target == activityId);

    /// <summary>The JSON path of the first part a document left null (which the validator cannot read), or null.</summary>
    public string? MissingPart()
    {
        if (Activities is null)
        {
            return "activities";
        }

        if (Connections is null)
        {
            return "connections";
        }

        for (var i = 0; i < Activities.Count; i++)
        {
            if (Activities[i]?.Properties is null)
            {
                return Activities[i] is null ? $"activities[{i}]" : $"activities[{i}].properties";
            }
        }

        var gap = Connections.ToList().FindIndex(c => c is null);
        return gap < 0 ? null : $"connections[{gap}]";
    }
}

/// <summary>One step of a definition: its type (see <see cref="ActivityTypes"/>) and its property values.</summary>
public sealed record ActivityDefinition
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    public JsonObject Properties { get; init; } = [];

    /// <summary>Where the designer draws the activity; no effect on how it runs.</summary>
    public CanvasPosition? Position { get; init; }

    public string? Text(string property) => Properties[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public IReadOnlyList<string> List(string property) =>
        Properties[property] is JsonArray a ? [.. a.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "")] : [];
}

/// <summary>A point on the designer's canvas.</summary>
public sealed record CanvasPosition(double X, double Y);

/// <summary>When <see cref="Source"/> ends with <see cref="Outcome"/>, <see cref="Target"/> runs next.</summary>
public sealed record Connection(string Source, string Outcome, string Target);
