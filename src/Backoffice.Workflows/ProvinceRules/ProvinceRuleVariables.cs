using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Workflows.ProvinceRules;

/// <summary>
/// The province rules as a definition reads them: at its start an instance copies the rules of its order's province
/// into <c>variables.rules</c> ({province, smsStep, smsWindowHours, mailedOriginals, authenticityChecks}), so the
/// order keeps the rules it started under. Decisions read them (<c>variables.rules.mailedOriginals</c>; the
/// definition's own <c>variables.mailedOriginals</c> is also set when the rule asks for the mail); the SMS wait takes
/// its window from them and is passed where the province has no SMS step; a review step with
/// <c>provinceChecks</c> requires the authenticity form's checks.
/// </summary>
public static class ProvinceRuleVariables
{
    public const string Key = "rules";
    public const string SmsEvent = "sms-verified";

    public static void Apply(JsonObject variables, ProvinceRuleSet rules, string? province, string? filingType)
    {
        var rule = rules.For(province);
        var mailed = filingType is not null && (rule.MailedOriginals ?? []).Contains(filingType);
        variables[Key] = new JsonObject
        {
            ["province"] = province,
            ["smsStep"] = rule.SmsStep != false,
            ["smsWindowHours"] = rules.SmsWindowOf(province),
            ["mailedOriginals"] = mailed,
            ["authenticityChecks"] = new JsonArray([.. (rule.AuthenticityChecks ?? []).Select(c => JsonValue.Create(c))]),
        };
        if (mailed)
        {
            variables["mailedOriginals"] = true;
        }
    }

    /// <summary>The SMS window the instance started under, in hours; null for other waits or an instance without rules.</summary>
    public static int? SmsWindowHours(ActivityDefinition activity, JsonObject? variables) =>
        IsSmsWait(activity) && variables?[Key]?["smsWindowHours"] is JsonValue hours && hours.TryGetValue<int>(out var value) ? value : null;

    /// <summary>True when the activity is the SMS wait of a province that has no SMS step: it is passed as verified.</summary>
    public static bool SkipsSms(ActivityDefinition activity, JsonObject? variables) =>
        IsSmsWait(activity) && variables?[Key]?["smsStep"] is JsonValue step && step.TryGetValue<bool>(out var value) && !value;

    /// <summary>The authenticity form's checks the instance started under (codes).</summary>
    public static IReadOnlyList<string> AuthenticityChecks(JsonObject? variables) =>
        variables?[Key]?["authenticityChecks"] is JsonArray checks ? [.. checks.Select(c => c!.GetValue<string>())] : [];

    private static bool IsSmsWait(ActivityDefinition activity) => activity.Type == ActivityTypes.WaitForEvent && activity.Text("event") == SmsEvent;
}
