using Dapper;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Workflows.Bookmarks;

/// <summary>Bookmark rows: created when an activity waits, deleted (consumed) when it resumes.</summary>
public static class BookmarkStore
{
    private const string Columns = "id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome";

    /// <summary>Inserts the bookmark with the step's writes: nothing in the step that creates a wait reads it back.</summary>
    public static void Add(StepContext context, Bookmark bookmark) =>
        context.Writes.Add(
            """
            insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, bookmark.Kind, DeferredWrites.Nullable(NpgsqlDbType.Text, bookmark.EventName),
            DeferredWrites.Nullable(NpgsqlDbType.TimestampTz, bookmark.DueAt), DeferredWrites.Nullable(NpgsqlDbType.Text, bookmark.TimeoutOutcome), context.Now);

    /// <summary>Consumes the bookmark with the step's writes (the caller holds the order lock and saw it waiting).</summary>
    public static void Consume(StepContext context, Guid id)
    {
        context.ConsumedBookmarks.Add(id);
        context.Writes.Add("delete from workflow_bookmarks where id = $1", id);
    }

    public static Task<Bookmark?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Bookmark>(new CommandDefinition(
            $"select {Columns} from workflow_bookmarks where id = @id", new { id }, cancellationToken: ct));

    /// <summary>
    /// The bookmarks of an order's running instances that wait for the given kind (and event), with
    /// their instances read and kept by the step, so resuming them reads nothing more.
    /// </summary>
    public static Task<IReadOnlyList<Bookmark>> OfOrderAsync(StepContext context, Guid orderId, string kind, string? eventName) =>
        InstanceStore.LockWaitingAsync(context, orderId, kind, eventName);
}
