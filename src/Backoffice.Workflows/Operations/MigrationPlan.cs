using Backoffice.Workflows.Definitions;

namespace Backoffice.Workflows.Operations;

/// <summary>
/// What moving one instance from version <c>from</c> to version <c>to</c> would do, decided from the
/// versions, the mapping of steps (old activity id → new activity id; a step not mapped keeps its id)
/// and where the instance waits. Used alike by the dry run and by the migration itself.
/// </summary>
public sealed class MigrationPlan(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyDictionary<string, string> mapping)
{
    public const string Migrated = "migrated";
    public const string Blocked = "blocked";

    /// <summary>An instance as the plan reads it: its version, status and the activities it waits at.</summary>
    public sealed record Instance(Guid Id, string DefinitionId, int Version, string Status, string[] Waiting);

    public sealed record Result(Guid InstanceId, string Outcome, string? Reason = null, string? ActivityId = null);

    public WorkflowDefinition From => from;

    public WorkflowDefinition To => to;

    public IReadOnlyDictionary<string, string> Mapping => mapping;

    /// <summary>Where a waiting step goes: its mapped step, else the step of the same id.</summary>
    public string Target(string activityId) => mapping.TryGetValue(activityId, out var target) ? target : activityId;

    public Result Decide(Instance? instance, Guid id)
    {
        if (instance is null || instance.DefinitionId != from.Id)
        {
            return new Result(id, Blocked, "instance-not-of-definition");
        }

        if (instance.Version == to.Version && instance.Status == "running")
        {
            return new Result(id, Migrated, "already-migrated");
        }

        if (instance.Status != "running")
        {
            return new Result(id, Blocked, "instance-not-running");
        }

        if (instance.Version != from.Version)
        {
            return new Result(id, Blocked, "instance-on-other-version");
        }

        foreach (var waiting in instance.Waiting)
        {
            var target = Target(waiting);
            var counterpart = to.Find(target);
            if (counterpart is null)
            {
                return new Result(id, Blocked, mapping.ContainsKey(waiting) ? "mapped-step-missing" : "no-counterpart", waiting);
            }

            if (counterpart.Type != from.Find(waiting)?.Type)
            {
                return new Result(id, Blocked, "counterpart-type-differs", waiting);
            }
        }

        return new Result(id, Migrated);
    }
}
