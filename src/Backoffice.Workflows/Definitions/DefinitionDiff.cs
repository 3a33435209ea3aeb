using System.Text.Json.Nodes;

namespace Backoffice.Workflows.Definitions;

/// <summary>
/// What changed from one version of a definition to another: activities added, removed or changed
/// (type, name or a property; where the designer draws them does not count) and connections added
/// or removed. A connection is its (source, outcome, target).
/// </summary>
public sealed record DefinitionDiff(
    IReadOnlyList<string> AddedActivities,
    IReadOnlyList<string> RemovedActivities,
    IReadOnlyList<ActivityChange> ChangedActivities,
    IReadOnlyList<Connection> AddedConnections,
    IReadOnlyList<Connection> RemovedConnections,
    bool StartChanged)
{
    public static DefinitionDiff Between(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = from.Activities.DistinctBy(a => a.Id).ToDictionary(a => a.Id);
        var after = to.Activities.DistinctBy(a => a.Id).ToDictionary(a => a.Id);
        var changed = after.Values
            .Where(a => before.ContainsKey(a.Id))
            .Select(a => new ActivityChange(a.Id, ChangedFields(before[a.Id], a)))
            .Where(c => c.Fields.Count > 0)
            .ToList();
        var oldConnections = from.Connections.ToHashSet();
        var newConnections = to.Connections.ToHashSet();
        return new DefinitionDiff(
            [.. after.Keys.Where(id => !before.ContainsKey(id))],
            [.. before.Keys.Where(id => !after.ContainsKey(id))],
            changed,
            [.. to.Connections.Where(c => !oldConnections.Contains(c))],
            [.. from.Connections.Where(c => !newConnections.Contains(c))],
            from.Start != to.Start);
    }

    private static List<string> ChangedFields(ActivityDefinition before, ActivityDefinition after)
    {
        var fields = new List<string>();
        if (before.Type != after.Type)
        {
            fields.Add("type");
        }

        if (before.Name != after.Name)
        {
            fields.Add("name");
        }

        var names = before.Properties.Select(p => p.Key).Union(after.Properties.Select(p => p.Key)).Order(StringComparer.Ordinal);
        fields.AddRange(names
            .Where(name => !JsonNode.DeepEquals(before.Properties[name], after.Properties[name]))
            .Select(name => $"properties.{name}"));
        return fields;
    }
}

/// <summary>An activity present in both versions whose type, name or properties differ.</summary>
public sealed record ActivityChange(string Id, IReadOnlyList<string> Fields);
