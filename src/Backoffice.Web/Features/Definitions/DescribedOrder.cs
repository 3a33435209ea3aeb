using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// The order a dry run plays over when none is picked. Every field the condition builder offers is
/// checked where the description gives it, at its path (<c>order.subject.province</c>): a choice
/// must be one of the builder's values, a text acceptable text, the number of websites as an order
/// may have. Other fields pass as they are.
/// </summary>
internal static class DescribedOrder
{
    private const int MaxTextLength = 200;

    public static void Check(JsonObject order, FilingRules rules, ValidationErrors errors)
    {
        foreach (var field in DesignerReference.OrderFields(english: false))
        {
            var steps = field.Path.Split('.')[1..];
            if (field.Kind == "number")
            {
                CheckCount(order, steps[..^1], rules, errors);
                continue;
            }

            var value = At(order, steps);
            if (value is null)
            {
                continue;
            }

            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (field.Choices is { } choices)
            {
                if (text is null || choices.All(c => c.Value != text))
                {
                    errors.Add(field.Path, "invalid-choice", string.Join(", ", choices.Select(c => c.Value)));
                }
            }
            else if (text is null)
            {
                errors.Add(field.Path, "malformed-json", field.Path);
            }
            else
            {
                TextRules.Check(errors, field.Path, text, false, MaxTextLength);
            }
        }
    }

    /// <summary>The list a <c>.length</c> field counts (the websites): as many entries as an order may carry.</summary>
    private static void CheckCount(JsonObject order, string[] steps, FilingRules rules, ValidationErrors errors)
    {
        var list = At(order, steps);
        if (list is not null && (list is not JsonArray entries || entries.Count < 1 || entries.Count > rules.MaxWebsitesPerOrder))
        {
            errors.Add("order." + string.Join('.', steps), "websites-count", 1, rules.MaxWebsitesPerOrder);
        }
    }

    private static JsonNode? At(JsonObject order, IEnumerable<string> steps) =>
        steps.Aggregate<string, JsonNode?>(order, (node, step) => node is JsonObject o ? o[step] : null);
}
