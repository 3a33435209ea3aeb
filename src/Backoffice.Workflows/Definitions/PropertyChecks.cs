using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;

namespace Backoffice.Workflows.Definitions;

/// <summary>Checks each property value of an activity against the kind its type declares.</summary>
internal static class PropertyChecks
{
    public static void Check(ActivityDefinition activity, ActivityType type, IReadOnlySet<string>? knownTeams, List<DefinitionError> errors)
    {
        foreach (var property in type.Properties)
        {
            var value = activity.Properties[property.Name];
            if (value is null)
            {
                if (property.Required)
                {
                    errors.Add(new(activity.Id, DefinitionErrorCodes.PropertyRequired, $"缺少必填属性 {property.LabelZh} / Required property '{property.Name}' is missing", property.Name));
                }

                continue;
            }

            var problem = Problem(property, value, knownTeams);
            if (problem is not null)
            {
                errors.Add(new(activity.Id, property.Kind == "expression" ? DefinitionErrorCodes.ExpressionInvalid : DefinitionErrorCodes.PropertyInvalid, $"{property.LabelZh}: {problem}", property.Name));
            }
        }

        foreach (var unknown in activity.Properties.Select(p => p.Key).Where(k => type.Properties.All(p => p.Name != k)))
        {
            errors.Add(new(activity.Id, DefinitionErrorCodes.PropertyUnknown, $"未知属性 / Unknown property '{unknown}'", unknown));
        }
    }

    /// <summary>Each code of a human task's return reasons that is not in the active catalogue: <c>reason-unknown</c>.</summary>
    public static void CheckReasonCodes(ActivityDefinition activity, IReadOnlySet<string>? knownReasons, List<DefinitionError> errors)
    {
        if (knownReasons is null || activity.Type != ActivityTypes.HumanTask || activity.Properties["reasonCodes"] is not { } value || !IsTextList(value))
        {
            return;
        }

        foreach (var code in value.AsArray().Select(n => n!.GetValue<string>()).Where(c => !knownReasons.Contains(c)))
        {
            errors.Add(new(activity.Id, DefinitionErrorCodes.ReasonUnknown, $"退回原因不在原因目录中或已停用 / Reason code '{code}' is not in the catalogue or is retired", "reasonCodes"));
        }
    }

    private static bool IsTextList(JsonNode value) =>
        value is JsonArray { Count: > 0 } list && list.All(DefinitionValidator.IsString)
        && list.Select(n => n!.GetValue<string>()).Distinct().Count() == list.Count;

    private static string? Problem(PropertyType property, JsonNode value, IReadOnlySet<string>? knownTeams) => property.Kind switch
    {
        "string" or "template" or "definition" => DefinitionValidator.IsString(value) ? null : "须为非空文本 / must be non-empty text",
        "team" => !DefinitionValidator.IsString(value) ? "须为处理组编号 / must be a team id"
            : knownTeams is not null && !knownTeams.Contains(value.GetValue<string>()) ? $"未知处理组 / unknown team '{value}'" : null,
        "status" => DefinitionValidator.IsString(value) && FilingStatus.IsKnown(value.GetValue<string>()) ? null
            : $"未知公开状态 / unknown public status '{value}'",
        "choice" => DefinitionValidator.IsString(value) && property.Choices!.Contains(value.GetValue<string>()) ? null
            : $"可选值 / allowed: {string.Join(", ", property.Choices!)}",
        "text-list" or "reason-codes" => IsTextList(value) ? null : "须为不重复的非空文本列表 / must be a non-empty list of distinct texts",
        "duration" => Duration.TryRead(value, out _) ? null
            : $"须为 {{amount, unit}}，unit 取 / must be {{amount, unit}} with unit in {string.Join(", ", ActivityTypes.DurationUnits)}",
        "expression" => !DefinitionValidator.IsString(value) ? "须为表达式 / must be an expression"
            : DefinitionValidator.CompileExpression(value.GetValue<string>()) is { IsValid: false } check
                ? $"表达式错误 / expression error: {string.Join("; ", check.Errors)}" : null,
        _ => null,
    };
}
