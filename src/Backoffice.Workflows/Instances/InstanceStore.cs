using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>Instance rows and the journal. Saving checks the row version: a concurrent step loses and retries or answers 409.</summary>
public static class InstanceStore
{
    /// <summary>
    /// The instance, locked for the step and kept by it (a second resume in the same step sees the
    /// first one's changes); with a bookmark id, also whether that bookmark still waits.
    /// </summary>
    public static async Task<(WorkflowInstance? Instance, bool BookmarkWaits)> LoadAsync(StepContext context, Guid id, Guid? bookmarkId = null)
    {
        if (context.Instances.TryGetValue(id, out var kept))
        {
            var waits = bookmarkId is { } b && !context.ConsumedBookmarks.Contains(b) && await context.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from workflow_bookmarks where id = @b)", new { b }, cancellationToken: context.CancellationToken));
            return (kept, waits);
        }

        var instance = await LoadAsync(context.Connection, id, context.CancellationToken, bookmarkId);
        if (instance is not null)
        {
            context.Instances[id] = instance;
        }

        return (instance, instance?.BookmarkWaits ?? false);
    }

    private static async Task<WorkflowInstance?> LoadAsync(NpgsqlConnection connection, Guid id, CancellationToken ct, Guid? bookmarkId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            select id, definition_id, version, order_id, parent_instance_id, status, result, variables::text as variables, row_version,
                   exists (select 1 from workflow_bookmarks b where b.id = @bookmarkId) as bookmark_waits
            from workflow_instances where id = @id for update
            """, new { id, bookmarkId }, cancellationToken: ct));
        return row is null ? null : new WorkflowInstance
        {
            Id = row.Id, DefinitionId = row.DefinitionId, Version = row.Version, OrderId = row.OrderId,
            ParentInstanceId = row.ParentInstanceId, Status = row.Status, Result = row.Result,
            Variables = JsonNode.Parse(row.Variables) as JsonObject ?? [], RowVersion = row.RowVersion, BookmarkWaits = row.BookmarkWaits,
        };
    }

    public static async Task<List<Guid>> RunningOfOrderAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "select id from workflow_instances where order_id = @orderId and status = 'running' order by created_at",
            new { orderId }, cancellationToken: ct))).AsList();

    public static Task InsertAsync(NpgsqlConnection connection, WorkflowInstance instance, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_instances (id, definition_id, version, order_id, parent_instance_id, status, variables, created_at, updated_at)
            values (@Id, @DefinitionId, @Version, @OrderId, @ParentInstanceId, 'running', @variables::jsonb, @now, @now)
            """,
            new { instance.Id, instance.DefinitionId, instance.Version, instance.OrderId, instance.ParentInstanceId, variables = instance.Variables.ToJsonString(), now },
            cancellationToken: ct));

    /// <summary>Saves the instance with the step's writes; the row version is checked there.</summary>
    internal static void Save(StepContext context, WorkflowInstance instance) =>
        context.Writes.AddExpectingOneRow(() => new ConcurrentStepException(instance.Id),
            """
            update workflow_instances set status = $1, result = $2, variables = $3::jsonb, updated_at = $4, row_version = row_version + 1
            where id = $5 and row_version = $6
            """,
            instance.Status, instance.Result, instance.Variables.ToJsonString(), context.Now, instance.Id, instance.RowVersion);

    public static void Journal(
        StepContext context, WorkflowInstance instance, string activityId, string activityType, string? activityName, string? outcome, string? note) =>
        context.Writes.Add(
            """
            insert into workflow_journal (instance_id, order_id, at, activity_id, activity_type, activity_name, outcome, actor, note)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            instance.Id, instance.OrderId, context.Now, activityId, activityType, activityName, outcome, context.Actor, note);

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string DefinitionId { get; init; } = "";
        public int Version { get; init; }
        public Guid OrderId { get; init; }
        public Guid? ParentInstanceId { get; init; }
        public string Status { get; init; } = "";
        public string? Result { get; init; }
        public string Variables { get; init; } = "";
        public int RowVersion { get; init; }
        public bool BookmarkWaits { get; init; }
    }
}

/// <summary>Another step changed the instance first; the caller's transaction must roll back.</summary>
public sealed class ConcurrentStepException(Guid instanceId)
    : Exception($"Workflow instance {instanceId} was changed by a concurrent step.");
