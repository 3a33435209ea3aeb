using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.HumanTasks;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ProvinceRules;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>The step of a review task as its order's definition version describes it: checklist and return reasons.</summary>
public static class TaskStep
{
    /// <summary>
    /// The step; one with <c>provinceChecks</c> also requires the authenticity form's checks of the province rules its
    /// instance started under (<see cref="ProvinceRuleVariables"/>), by their Chinese labels.
    /// </summary>
    public static async Task<ActivityDefinition?> DefinitionAsync(NpgsqlConnection connection, DefinitionStore definitions, ReviewTask task, CancellationToken ct)
    {
        var instance = await connection.QuerySingleAsync<(string DefinitionId, int Version, string Variables)>(new CommandDefinition(
            "select definition_id, version, variables::text from workflow_instances where id = @id", new { id = task.InstanceId }, cancellationToken: ct));
        var step = (await definitions.GetAsync(connection, instance.DefinitionId, instance.Version, ct)).Find(task.ActivityId);
        if (step?.Text("provinceChecks") is null)
        {
            return step;
        }

        var checks = ProvinceRuleVariables.AuthenticityChecks(JsonNode.Parse(instance.Variables) as JsonObject)
            .Select(c => LabelCatalogue.Of(LabelSet.AuthenticityCheck, c, false)).Except(step.List("requiredChecklist")).ToList();
        if (checks.Count == 0)
        {
            return step;
        }

        var properties = (JsonObject)step.Properties.DeepClone();
        properties["requiredChecklist"] = new JsonArray([.. step.List("requiredChecklist").Concat(checks).Select(c => JsonValue.Create(c))]);
        return step with { Properties = properties };
    }

    /// <summary>The reason codes a return at this step may give: the step's own list, or none (then the whole active catalogue).</summary>
    public static IReadOnlyList<string> OfferedReasons(ActivityDefinition? step) => step?.List("reasonCodes") ?? [];
}
