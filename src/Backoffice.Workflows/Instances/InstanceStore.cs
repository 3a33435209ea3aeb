using System.Text.Json.Nodes;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Steps;
using Dapper;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Reading instance rows into a step. A step reads its instances after locking their order (steps on one
/// order run one after another) and holds them; saving (<see cref="SaveInstance"/>) checks the row version
/// read here: a change that did not go through the order's lock fails the step
/// (<see cref="ConcurrentStepException"/>) and nothing of it is written.
/// </summary>
public static class InstanceStore
{
    private const string InstanceColumns =
        "i.id, i.definition_id, i.version, i.order_id, i.parent_instance_id, i.status, i.result, i.variables::text as variables, i.row_version";

    /// <summary>
    /// The instance, read under the order's lock and kept by the step (a second resume in the same step
    /// sees the first one's changes); with a bookmark id, also whether that bookmark still waits.
    /// </summary>
    public static async Task<(WorkflowInstance? Instance, bool BookmarkWaits)> LoadAsync(StepContext context, Guid id, Guid? bookmarkId = null)
    {
        if (context.Held(id) is { } kept)
        {
            return (kept, bookmarkId is { } b && await StillWaitsAsync(context, b));
        }

        var row = await context.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            select {InstanceColumns}, exists (select 1 from workflow_bookmarks b where b.id = @bookmarkId) as bookmark_waits
            from workflow_instances i where i.id = @id
            """, new { id, bookmarkId }, cancellationToken: context.CancellationToken));
        if (row is null)
        {
            return (null, false);
        }

        return (Keep(context, row), row.BookmarkWaits);
    }

    /// <summary>
    /// Bookmarks of the order's running instances waiting for <paramref name="kind"/>, their instances
    /// read and kept; the order is locked first, in the same round trip, unless the step holds it.
    /// </summary>
    internal static async Task<IReadOnlyList<Bookmark>> LockWaitingAsync(StepContext context, Guid orderId, string kind, string? eventName)
    {
        var lockOrder = !context.Holds(orderId);
        await using var results = await context.Connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            {(lockOrder ? FilingOrders.Select + " where id = @orderId for update;" : "")}
            select {InstanceColumns}, b.id as bookmark_id, b.activity_id, b.kind, b.event_name, b.due_at, b.timeout_outcome
            from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where i.order_id = @orderId and i.status = 'running' and b.kind = @kind and (@eventName::text is null or b.event_name = @eventName)
            order by b.created_at
            """, new { orderId, kind, eventName }, cancellationToken: context.CancellationToken));
        if (lockOrder)
        {
            context.Hold(await results.ReadSingleOrDefaultAsync<FilingOrderRow>());
        }

        var rows = await results.ReadAsync<WaitingRow>();
        var waiting = new List<Bookmark>();
        foreach (var row in rows)
        {
            if (context.Held(row.Id) is null)
            {
                Keep(context, row);
            }

            if (context.Waits(row.BookmarkId) is not false)
            {
                context.SawWaiting(row.BookmarkId);
                waiting.Add(new Bookmark
                {
                    Id = row.BookmarkId, InstanceId = row.Id, ActivityId = row.ActivityId, Kind = row.Kind, EventName = row.EventName,
                    DueAt = row.DueAt, TimeoutOutcome = row.TimeoutOutcome,
                });
            }
        }

        return waiting;
    }

    /// <summary>
    /// A review task with its order and instance in one round trip: the order locked first (steps on
    /// one order run one after another), then the task, and the instance read and kept by the step, so
    /// completing the task reads nothing more. Null when there is no such task.
    /// </summary>
    public static async Task<ReviewTask?> LockTaskAsync(StepContext context, Guid taskId)
    {
        await using var results = await context.Connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            {FilingOrders.Select} where id = (select order_id from review_tasks where id = @taskId) for update;
            {ReviewTaskStore.Select} where t.id = @taskId for update of t;
            select {InstanceColumns}, exists (select 1 from workflow_bookmarks b where b.id = t.bookmark_id) as bookmark_waits
            from workflow_instances i join review_tasks t on t.instance_id = i.id where t.id = @taskId
            """, new { taskId }, cancellationToken: context.CancellationToken));
        context.Hold(await results.ReadSingleOrDefaultAsync<FilingOrderRow>());
        var task = await results.ReadSingleOrDefaultAsync<ReviewTask>();
        var row = await results.ReadSingleOrDefaultAsync<Row>();
        if (task is not null && row is not null && context.Held(row.Id) is null)
        {
            Keep(context, row);
            if (row.BookmarkWaits)
            {
                context.SawWaiting(task.BookmarkId);
            }
        }

        return task;
    }

    public static async Task<List<Guid>> RunningOfOrderAsync(Npgsql.NpgsqlConnection connection, Guid orderId, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "select id from workflow_instances where order_id = @orderId and status = 'running' order by created_at",
            new { orderId }, cancellationToken: ct))).AsList();

    /// <summary>A bookmark seen waiting under the order lock this step holds still waits unless the step consumed it.</summary>
    private static async Task<bool> StillWaitsAsync(StepContext context, Guid bookmarkId) =>
        context.Waits(bookmarkId) ?? await context.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workflow_bookmarks where id = @bookmarkId)", new { bookmarkId }, cancellationToken: context.CancellationToken));

    private static WorkflowInstance Keep(StepContext context, Row row)
    {
        var instance = new WorkflowInstance
        {
            Id = row.Id, DefinitionId = row.DefinitionId, Version = row.Version, OrderId = row.OrderId,
            ParentInstanceId = row.ParentInstanceId, Status = row.Status, Result = row.Result,
            Variables = JsonNode.Parse(row.Variables) as JsonObject ?? [], RowVersion = row.RowVersion,
        };
        return context.Keep(instance);
    }

    private record Row
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

    private sealed record WaitingRow : Row
    {
        public Guid BookmarkId { get; init; }
        public string ActivityId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? EventName { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public string? TimeoutOutcome { get; init; }
    }
}
