using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Web.Tests.Designer;

/// <summary>
/// For every code of <see cref="DefinitionErrorCodes"/>, one change to the shipped follow-up process
/// 通知申请人 → 等待生效 → 内部核查 → 结束 (notify-applicant → wait → check → end) and exactly the errors it causes.
/// </summary>
public static class DefinitionErrorCases
{
    public const string DefinitionId = "after-change-follow-up";

    public sealed record Case(Action<JsonObject> Break, params (string? Activity, string Code)[] Errors);

    public static readonly IReadOnlyDictionary<string, Case> ByCode = new Dictionary<string, Case>
    {
        [DefinitionErrorCodes.DuplicateId] = new(d => Activities(d).Add(Notify("check")), ("check", DefinitionErrorCodes.DuplicateId)),
        [DefinitionErrorCodes.UnknownType] = new(d => Step(d, "check")["type"] = "teleport", ("check", DefinitionErrorCodes.UnknownType)),
        [DefinitionErrorCodes.PropertyRequired] = new(d => Properties(d, "check").Remove("template"), ("check", DefinitionErrorCodes.PropertyRequired)),
        [DefinitionErrorCodes.PropertyInvalid] = new(d => Properties(d, "check")["channel"] = "fax", ("check", DefinitionErrorCodes.PropertyInvalid)),
        [DefinitionErrorCodes.PropertyUnknown] = new(d => Properties(d, "check")["colour"] = "red", ("check", DefinitionErrorCodes.PropertyUnknown)),
        [DefinitionErrorCodes.ExpressionInvalid] = new(
            d => InsertAfter(d, "wait", Decision("gate", "order.subject.province ==="), ("true", "check"), ("false", "check")),
            ("gate", DefinitionErrorCodes.ExpressionInvalid)),
        [DefinitionErrorCodes.ReasonUnknown] = new(
            d => InsertAfter(d, "notify-applicant", HumanTaskWithReasons("review", "no-such-reason"), ("approve", "wait"), ("return", "wait")),
            ("review", DefinitionErrorCodes.ReasonUnknown)),
        [DefinitionErrorCodes.StartMissing] = new(d => d["start"] = "nowhere",
            (null, DefinitionErrorCodes.StartMissing), ("notify-applicant", DefinitionErrorCodes.Unreachable), ("wait", DefinitionErrorCodes.Unreachable),
            ("check", DefinitionErrorCodes.Unreachable), ("end", DefinitionErrorCodes.Unreachable)),
        [DefinitionErrorCodes.ConnectionSourceMissing] = new(d => Connections(d).Add(Definitions.Link("ghost", "done", "end")),
            ("ghost", DefinitionErrorCodes.ConnectionSourceMissing)),
        [DefinitionErrorCodes.ConnectionTargetMissing] = new(d => Connections(d).Add(Definitions.Link("check", "done", "nowhere")),
            ("check", DefinitionErrorCodes.ConnectionTargetMissing)),
        [DefinitionErrorCodes.UnknownOutcome] = new(d => Connections(d).Add(Definitions.Link("check", "maybe", "end")),
            ("check", DefinitionErrorCodes.UnknownOutcome)),
        [DefinitionErrorCodes.DanglingOutcome] = new(d => InsertAfter(d, "wait", Decision("gate", "true"), ("true", "check")),
            ("gate", DefinitionErrorCodes.DanglingOutcome)),
        [DefinitionErrorCodes.JoinNeedsTwo] = new(
            d => InsertAfter(d, "check", new JsonObject { ["id"] = "merge", ["type"] = "join", ["properties"] = new JsonObject() }, ("done", "end")),
            ("merge", DefinitionErrorCodes.JoinNeedsTwo)),
        [DefinitionErrorCodes.Unreachable] = new(
            d => Activities(d).Add(new JsonObject { ["id"] = "orphan", ["type"] = "end", ["properties"] = new JsonObject { ["result"] = "completed" } }),
            ("orphan", DefinitionErrorCodes.Unreachable)),
        [DefinitionErrorCodes.BlockingFreeCycle] = new(d => InsertAfter(d, "check", Decision("gate", "true"), ("true", "end"), ("false", "check")),
            ("check", DefinitionErrorCodes.BlockingFreeCycle), ("gate", DefinitionErrorCodes.BlockingFreeCycle)),
    };

    /// <summary>A copy of <paramref name="definition"/> with the changes of every code given, in that order.</summary>
    public static JsonObject Broken(JsonObject definition, params string[] codes)
    {
        var copy = definition.DeepClone().AsObject();
        foreach (var code in codes)
        {
            ByCode[code].Break(copy);
        }

        return copy;
    }

    private static JsonArray Activities(JsonObject definition) => definition["activities"]!.AsArray();

    private static JsonArray Connections(JsonObject definition) => definition["connections"]!.AsArray();

    private static JsonNode Step(JsonObject definition, string id) => Activities(definition).First(a => a!["id"]!.GetValue<string>() == id)!;

    private static JsonObject Properties(JsonObject definition, string id) => Step(definition, id)["properties"]!.AsObject();

    /// <summary>Puts <paramref name="step"/> on the "done" connection leaving <paramref name="source"/>, with its own outcomes leading as given.</summary>
    private static void InsertAfter(JsonObject definition, string source, JsonObject step, params (string Outcome, string Target)[] links)
    {
        Activities(definition).Add(step);
        var link = Connections(definition).First(c => c!["source"]!.GetValue<string>() == source && c["outcome"]!.GetValue<string>() == "done")!;
        link["target"] = step["id"]!.GetValue<string>();
        foreach (var (outcome, target) in links)
        {
            Connections(definition).Add(Definitions.Link(step["id"]!.GetValue<string>(), outcome, target));
        }
    }

    private static JsonObject Notify(string id) => new()
    {
        ["id"] = id, ["type"] = "notify",
        ["properties"] = new JsonObject { ["channel"] = "staff", ["template"] = "核查订单{orderNumber}。", ["to"] = "team-lead" },
    };

    private static JsonObject Decision(string id, string expression) =>
        new() { ["id"] = id, ["type"] = "decision", ["properties"] = new JsonObject { ["expression"] = expression } };

    private static JsonObject HumanTaskWithReasons(string id, string reason)
    {
        var step = Definitions.HumanTask(id, "复核", "second-review", 1);
        step["properties"]!["reasonCodes"] = new JsonArray(reason);
        return step;
    }
}
