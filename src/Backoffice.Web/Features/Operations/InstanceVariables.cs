using System.Text.Json.Nodes;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ProvinceRules;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// The instance variables as the instance page shows them: the province rules the instance started under as
/// labelled lines (<see cref="ProvinceRuleVariables"/>), every other variable as compact JSON for the technically minded.
/// </summary>
public static class InstanceVariables
{
    public sealed record Line(string Label, string Value);

    /// <summary>The province rules as readable lines; empty when the instance has none.</summary>
    public static IReadOnlyList<Line> Rules(JsonObject variables, bool english)
    {
        if (variables[ProvinceRuleVariables.Key] is not JsonObject rules)
        {
            return [];
        }
        string Say(string zh, string en) => english ? en : zh;
        string YesNo(string name) => rules[name] is JsonValue v && v.TryGetValue<bool>(out var yes) ? yes ? Say("是", "Yes") : Say("否", "No") : "";
        var province = rules["province"] is JsonValue p && p.TryGetValue<string>(out var code) ? code : null;
        var hours = rules["smsWindowHours"] is JsonValue h && h.TryGetValue<int>(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var checks = ProvinceRuleVariables.AuthenticityChecks(variables);
        return
        [
            new(Say("省份", "Province"), province is null ? Say("未填写", "Not given") : LabelCatalogue.Of(LabelSet.Province, province, english)),
            new(Say("短信核验", "SMS step"), YesNo("smsStep")),
            new(Say("短信核验时限（小时）", "SMS window (hours)"), hours),
            new(Say("寄送原件", "Mailed originals"), YesNo("mailedOriginals")),
            new(Say("核验单检查项", "Authenticity form checks"), checks.Count == 0 ? Say("无", "None") : LabelCatalogue.Join(LabelSet.AuthenticityCheck, checks, english)),
        ];
    }

    /// <summary>The variables other than the province rules, by name, as compact JSON.</summary>
    public static IEnumerable<(string Name, string Json)> Technical(JsonObject variables) =>
        variables.Where(v => v.Key != ProvinceRuleVariables.Key).Select(v => (v.Key, v.Value?.ToJsonString() ?? "null"));
}
