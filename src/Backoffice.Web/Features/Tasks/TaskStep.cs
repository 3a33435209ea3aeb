using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.HumanTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>The step of a review task as its order's definition version describes it: checklist and return reasons.</summary>
public static class TaskStep
{
    public static async Task<ActivityDefinition?> DefinitionAsync(NpgsqlConnection connection, DefinitionStore definitions, ReviewTask task, CancellationToken ct)
    {
        var instance = await connection.QuerySingleAsync<(string DefinitionId, int Version)>(new CommandDefinition(
            "select definition_id, version from workflow_instances where id = @id", new { id = task.InstanceId }, cancellationToken: ct));
        return (await definitions.GetAsync(connection, instance.DefinitionId, instance.Version, ct)).Find(task.ActivityId);
    }

    /// <summary>The reason codes a return at this step may give: the step's own list, or none (then the whole active catalogue).</summary>
    public static IReadOnlyList<string> OfferedReasons(ActivityDefinition? step) => step?.List("reasonCodes") ?? [];
}
