using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ProvinceRules;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>The step of a review task as its order's definition version describes it: checklist and return reasons.</summary>
public static class TaskStep
{
    /// <summary>
    /// The step; one with <c>provinceChecks</c> also requires the authenticity form's checks of the province rules its
    /// instance started under (<see cref="ProvinceRuleVariables"/>), by their Chinese labels.
    /// </summary>
    public static ActivityDefinition? Of(WorkflowDefinition definition, IReadOnlyList<string> authenticityChecks, string activityId)
    {
        var step = definition.Find(activityId);
        if (step?.Text("provinceChecks") is null)
        {
            return step;
        }

        var checks = authenticityChecks
            .Select(c => LabelCatalogue.Of(LabelSet.AuthenticityCheck, c, false)).Except(step.List("requiredChecklist")).ToList();
        if (checks.Count == 0)
        {
            return step;
        }

        var properties = (JsonObject)step.Properties.DeepClone();
        properties["requiredChecklist"] = new JsonArray([.. step.List("requiredChecklist").Concat(checks).Select(c => JsonValue.Create(c))]);
        return step with { Properties = properties };
    }

    /// <summary>The task's step in the definition version its instance runs, with the province checks it carries.</summary>
    public static async Task<ActivityDefinition?> LoadAsync(NpgsqlConnection connection, DefinitionStore definitions, ReviewTask task, CancellationToken ct) =>
        Of(await definitions.GetAsync(connection, task.DefinitionId, task.DefinitionVersion, ct), task.AuthenticityChecks, task.ActivityId);

    /// <summary>
    /// What must be ticked to approve each task (<see cref="ReviewDecision.Checklist"/>), as the task list gives it,
    /// from the version and checks each task carries: worked out once per version, step and province checks, which
    /// the tasks of a list share, so a long list costs a dictionary look-up a task.
    /// </summary>
    public static async Task<IReadOnlyList<string[]>> RequiredChecklistsAsync(
        NpgsqlConnection connection, DefinitionStore definitions, IReadOnlyList<ReviewTask> tasks, CancellationToken ct)
    {
        var worked = new Dictionary<(string DefinitionId, int Version, string ActivityId, string Checks), string[]>();
        var required = new string[tasks.Count][];
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var key = (task.DefinitionId, task.DefinitionVersion, task.ActivityId, string.Join('\n', task.AuthenticityChecks));
            if (!worked.TryGetValue(key, out var items))
            {
                var definition = await definitions.GetAsync(connection, task.DefinitionId, task.DefinitionVersion, ct);
                items = worked[key] = [.. ReviewDecision.Checklist(Of(definition, task.AuthenticityChecks, task.ActivityId)).Where(c => c.Required).Select(c => c.Text)];
            }

            required[i] = items;
        }

        return required;
    }

    /// <summary>The reason codes a return at this step may give: the step's own list, or none (then the whole active catalogue).</summary>
    public static IReadOnlyList<string> OfferedReasons(ActivityDefinition? step) => step?.List("reasonCodes") ?? [];
}
