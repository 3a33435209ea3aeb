using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Instances;

/// <summary>Inserts a new instance, running, at row version 1.</summary>
public sealed record StartInstance(WorkflowInstance Instance, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        insert into workflow_instances (id, definition_id, version, order_id, parent_instance_id, status, variables, created_at, updated_at)
        values ($1, $2, $3, $4, $5, 'running', $6::jsonb, $7, $7)
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, Instance.Id, Instance.DefinitionId, Instance.Version, Instance.OrderId,
            DeferredWrites.Nullable(NpgsqlDbType.Uuid, Instance.ParentInstanceId), Instance.Variables.ToJsonString(), At);
}

/// <summary>
/// Saves the instance's status, result and variables at the row version it was read at: when another change
/// came first, the write fails with <see cref="ConcurrentStepException"/> and nothing of its batch is written.
/// </summary>
public sealed record SaveInstance(WorkflowInstance Instance, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        update workflow_instances set status = $1, result = $2, variables = $3::jsonb, updated_at = $4, row_version = row_version + 1
        where id = $5 and row_version = $6
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.AddExpectingOneRow(() => new ConcurrentStepException(Instance.Id), Sql,
            Instance.Status, DeferredWrites.Nullable(NpgsqlDbType.Text, Instance.Result), Instance.Variables.ToJsonString(), At, Instance.Id, Instance.RowVersion);
}

/// <summary>Another step changed the instance first; the caller's transaction must roll back.</summary>
public sealed class ConcurrentStepException(Guid instanceId)
    : Exception($"Workflow instance {instanceId} was changed by a concurrent step.");
