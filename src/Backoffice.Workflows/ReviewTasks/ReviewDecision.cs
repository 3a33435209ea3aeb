using System.Text.Json;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>
/// What a decision records besides outcome, reasons and comment: the checklist items ticked (a step's
/// <c>requiredChecklist</c> must all be ticked to approve) and, for a return, the fields and materials it concerns
/// with a reason each ({path, reason}, paths as <see cref="OrderFields"/> names them), kept in review_decisions
/// with the order's data as it was returned.
/// </summary>
public static class ReviewDecision
{
    public const int MaxItems = 50;
    public const int MaxReason = 500;

    public sealed record Item(string? Path, string? Reason);

    public sealed record Check(string Text, bool Required);

    /// <summary>The step's checklist: its items, the required ones marked, then required items it does not list.</summary>
    public static IReadOnlyList<Check> Checklist(ActivityDefinition? step)
    {
        var items = step?.List("checklist") ?? [];
        var required = step?.List("requiredChecklist") ?? [];
        return [.. items.Select(t => new Check(t, required.Contains(t))), .. required.Except(items).Select(t => new Check(t, true))];
    }

    public static async Task ValidateAsync(
        StepContext step, ReviewTask task, ActivityDefinition? definition, string? outcome, IReadOnlyList<string> ticked, IReadOnlyList<Item> items,
        ValidationErrors errors)
    {
        var checklist = Checklist(definition);
        for (var i = 0; i < ticked.Count; i++)
        {
            if (!checklist.Any(c => c.Text == ticked[i]))
            {
                errors.Add($"checklist[{i}]", "not-on-checklist");
            }
        }

        var missing = checklist.Where(c => c.Required && !ticked.Contains(c.Text)).Select(c => c.Text).ToList();
        if (outcome == "approve" && missing.Count > 0)
        {
            errors.Add("checklist", "checklist-incomplete", string.Join("；", missing));
        }

        if (items.Count == 0)
        {
            return;
        }

        if (outcome != "return")
        {
            errors.Add("items", "items-only-on-return");
            return;
        }

        if (items.Count > MaxItems)
        {
            errors.Add("items", "too-many", MaxItems);
            return;
        }

        var order = await step.LockOrderAsync(task.OrderId);
        var paths = OrderFields.Of(order!.Body).Keys.ToHashSet(StringComparer.Ordinal);
        paths.UnionWith((await step.Connection.QueryAsync<(string Kind, int? Website)>(new CommandDefinition(
            "select kind, website_index from filing_materials where order_id = @id", new { id = task.OrderId }, cancellationToken: step.CancellationToken)))
            .Select(m => OrderFields.MaterialPath(m.Kind, m.Website)));
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Path) || !paths.Contains(items[i].Path!))
            {
                errors.Add($"items[{i}].path", "item-path-unknown");
            }

            if (string.IsNullOrWhiteSpace(items[i].Reason))
            {
                errors.Add($"items[{i}].reason", "required");
            }
            else if (items[i].Reason!.Length > MaxReason)
            {
                errors.Add($"items[{i}].reason", "too-long", MaxReason);
            }
        }
    }

    /// <summary>
    /// Adds the decision's row to the step's writes, and an audit row saying what was ticked and which fields and
    /// materials a return concerns; a return keeps the order's data as it was returned.
    /// </summary>
    public static async Task RecordAsync(
        StepContext step, ReviewTask task, string user, string outcome, IReadOnlyList<string> ticked, IReadOnlyList<Item> items)
    {
        var body = outcome == "return" ? (await step.LockOrderAsync(task.OrderId))!.Body : null;
        var checklist = ticked.Distinct().ToArray();
        var returned = items.Select(i => new { path = i.Path, reason = i.Reason!.Trim() }).ToList();
        step.Write(new RecordReviewDecision(task.Id, checklist, JsonSerializer.Serialize(returned), body));
        AuditLog.Add(step.Writes, step.Now, user, "review-decision-recorded", "review-task", task.Id.ToString(),
            new { task.OrderNumber, task.Step, outcome, checklist, items = returned });
    }
}
