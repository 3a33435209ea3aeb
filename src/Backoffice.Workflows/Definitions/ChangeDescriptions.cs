using System.Globalization;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Labels;

namespace Backoffice.Workflows.Definitions;

/// <summary>The names a description shows instead of codes: teams, return reasons and processes by id, in one language.</summary>
public sealed record LabelContext(
    bool English,
    IReadOnlyDictionary<string, string> Teams,
    IReadOnlyDictionary<string, string> Reasons,
    IReadOnlyDictionary<string, string> Processes);

/// <summary>One change of a version in business language: "初审 · 时限 1 工作日 → 3 工作日".</summary>
public sealed record DescribedChange(string Kind, string? ActivityId, string? Name, string Description);

/// <summary>
/// A <see cref="DefinitionDiff"/> told as a compliance manager reads it: step names instead of ids,
/// old and new values with their units, outcome, team, status and reason labels instead of codes. A
/// connection removed and added from the same step and outcome is told as one change of where it goes.
/// </summary>
public sealed class ChangeDescriptions(WorkflowDefinition from, WorkflowDefinition to, LabelContext labels)
{
    private bool En => labels.English;

    public IReadOnlyList<DescribedChange> All(DefinitionDiff diff)
    {
        var changes = new List<DescribedChange>();
        if (diff.StartChanged)
        {
            changes.Add(new("start-changed", to.Start, NameOf(to.Start),
                $"{Say("起始步骤", "Start step")} {NameOf(from.Start)} → {NameOf(to.Start)}"));
        }

        changes.AddRange(diff.AddedActivities.Select(id => new DescribedChange("activity-added", id, NameOf(id), Added(id))));
        changes.AddRange(diff.RemovedActivities.Select(id => new DescribedChange("activity-removed", id, NameOf(id), Removed(id))));
        changes.AddRange(diff.ChangedActivities.Select(c => new DescribedChange("activity-changed", c.Id, NameOf(c.Id), Changed(c))));
        var rerouted = diff.RemovedConnections
            .Where(r => diff.AddedConnections.Any(a => a.Source == r.Source && a.Outcome == r.Outcome))
            .ToList();
        foreach (var old in rerouted)
        {
            var now = diff.AddedConnections.First(a => a.Source == old.Source && a.Outcome == old.Outcome);
            changes.Add(new("connection-changed", old.Source, NameOf(old.Source),
                $"{NameOf(old.Source)} · {Say($"「{OutcomeOf(old)}」去向", $"“{OutcomeOf(old)}” goes to")} {NameOf(old.Target)} → {NameOf(now.Target)}"));
        }

        changes.AddRange(diff.AddedConnections.Where(a => !rerouted.Any(r => r.Source == a.Source && r.Outcome == a.Outcome))
            .Select(c => new DescribedChange("connection-added", c.Source, NameOf(c.Source), Connection(c, added: true))));
        changes.AddRange(diff.RemovedConnections.Where(r => !rerouted.Contains(r))
            .Select(c => new DescribedChange("connection-removed", c.Source, NameOf(c.Source), Connection(c, added: false))));
        return changes;
    }

    public string Added(string id)
    {
        var activity = to.Find(id)!;
        var parts = new List<string> { TypeLabel(activity.Type) };
        if (activity.Text("team") is { } team)
        {
            parts.Add(labels.Teams.GetValueOrDefault(team, team));
        }

        if (activity.Properties["sla"] is { } sla)
        {
            parts.Add($"{Say("时限", "SLA")} {Value(activity.Type, "sla", sla)}");
        }

        return En ? $"New step “{NameOf(id)}” ({string.Join(" · ", parts)})" : $"新增步骤 「{NameOf(id)}」（{string.Join(" · ", parts)}）";
    }

    public string Removed(string id) => En ? $"Removed step “{NameOf(id)}”" : $"删除步骤 「{NameOf(id)}」";

    public string Changed(ActivityChange change)
    {
        var before = from.Find(change.Id)!;
        var after = to.Find(change.Id)!;
        var parts = change.Fields.Select(field => field switch
        {
            "type" => $"{Say("类型", "type")} {TypeLabel(before.Type)} → {TypeLabel(after.Type)}",
            "name" => $"{Say("名称", "name")} {before.Name ?? before.Id} → {after.Name ?? after.Id}",
            _ => Property(before, after, field["properties.".Length..]),
        });
        return $"{NameOf(change.Id)} · {string.Join(Say("；", "; "), parts)}";
    }

    public string Connection(Connection c, bool added) =>
        $"{(added ? Say("新增连线", "New connection") : Say("删除连线", "Removed connection"))} {NameOf(c.Source)} —{OutcomeOf(c)}→ {NameOf(c.Target)}";

    /// <summary>The step's name in the newer version, else in the older one, else its id.</summary>
    public string NameOf(string id) => to.Find(id)?.Name ?? from.Find(id)?.Name ?? id;

    private string Property(ActivityDefinition before, ActivityDefinition after, string property)
    {
        var label = ActivityTypes.Find(after.Type)?.Properties.FirstOrDefault(p => p.Name == property) is { } type
            ? (En ? type.LabelEn : type.LabelZh)
            : property;
        return $"{label} {Value(before.Type, property, before.Properties[property])} → {Value(after.Type, property, after.Properties[property])}";
    }

    private string Value(string activityType, string property, JsonNode? value)
    {
        if (value is null)
        {
            return Say("（无）", "(none)");
        }

        var kind = ActivityTypes.Find(activityType)?.Properties.FirstOrDefault(p => p.Name == property)?.Kind;
        return kind switch
        {
            "duration" when Duration.TryRead(value, out var d) =>
                $"{d.Amount.ToString(CultureInfo.InvariantCulture)} {LabelCatalogue.Of(LabelSet.DurationUnit, d.Unit, En)}",
            "team" => Map(value, labels.Teams),
            "definition" => Map(value, labels.Processes),
            "status" => Text(value) is { } s ? LabelCatalogue.Of(LabelSet.Status, s, En) : Short(value),
            "choice" => Text(value) is { } c ? LabelCatalogue.Of(ChoiceSet(property), c, En) : Short(value),
            "reason-codes" => List(value, code => labels.Reasons.GetValueOrDefault(code, code)),
            "text-list" when property == "outcomes" => List(value, code => LabelCatalogue.Of(LabelSet.Outcome, code, En)),
            "text-list" => List(value, item => item),
            _ => Short(value),
        };
    }

    private string OutcomeOf(Connection c) => LabelCatalogue.Of(LabelSet.Outcome, c.Outcome, En);

    /// <summary>The label set of a choice property's values.</summary>
    private static LabelSet ChoiceSet(string property) => property switch
    {
        "action" => LabelSet.ApplicantAction,
        "channel" => LabelSet.Channel,
        "to" => LabelSet.Recipient,
        "event" => LabelSet.WorkflowEvent,
        _ => LabelSet.EndResult,
    };

    private string TypeLabel(string type) => LabelCatalogue.Of(LabelSet.ActivityType, type, En);

    private string Say(string zh, string en) => En ? en : zh;

    private static string? Text(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Map(JsonNode value, IReadOnlyDictionary<string, string> names) =>
        Text(value) is { } id ? names.GetValueOrDefault(id, id) : Short(value);

    private string List(JsonNode value, Func<string, string> label) => value is JsonArray items
        ? $"[{string.Join(Say("、", ", "), items.Select(i => i is null ? "" : label(Text(i) ?? i.ToJsonString())))}]"
        : Short(value);

    private static string Short(JsonNode value)
    {
        var text = Text(value) ?? value.ToJsonString();
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
    }
}
