using Dapper;
using Backoffice.Workflows.Instances;
using Npgsql;

namespace Backoffice.Workflows.Bookmarks;

/// <summary>Bookmark rows: created when an activity waits, deleted (consumed) when it resumes.</summary>
public static class BookmarkStore
{
    private const string Columns = "id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome";

    public static Task InsertAsync(NpgsqlConnection connection, Bookmark bookmark, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome, created_at)
            values (@Id, @InstanceId, @ActivityId, @Kind, @EventName, @DueAt, @TimeoutOutcome, @now)
            """,
            new { bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, bookmark.Kind, bookmark.EventName, bookmark.DueAt, bookmark.TimeoutOutcome, now },
            cancellationToken: ct));

    /// <summary>Consumes the bookmark with the step's writes (the caller holds the instance lock and saw it waiting).</summary>
    public static void Consume(StepContext context, Guid id)
    {
        context.ConsumedBookmarks.Add(id);
        context.Writes.Add("delete from workflow_bookmarks where id = $1", id);
    }

    public static Task<Bookmark?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Bookmark>(new CommandDefinition(
            $"select {Columns} from workflow_bookmarks where id = @id", new { id }, cancellationToken: ct));

    /// <summary>The bookmarks of an order's running instances that wait for the given kind (and event).</summary>
    public static async Task<IReadOnlyList<Bookmark>> OfOrderAsync(
        NpgsqlConnection connection, Guid orderId, string kind, string? eventName, CancellationToken ct) =>
        (await connection.QueryAsync<Bookmark>(new CommandDefinition(
            $"""
            select {string.Join(", ", Columns.Split(", ").Select(c => "b." + c))} from workflow_bookmarks b
            join workflow_instances i on i.id = b.instance_id
            where i.order_id = @orderId and i.status = 'running' and b.kind = @kind and (@eventName::text is null or b.event_name = @eventName)
            order by b.created_at
            """, new { orderId, kind, eventName }, cancellationToken: ct))).AsList();

    public static async Task<IReadOnlyList<Bookmark>> OfInstanceAsync(NpgsqlConnection connection, Guid instanceId, CancellationToken ct) =>
        (await connection.QueryAsync<Bookmark>(new CommandDefinition(
            $"select {Columns} from workflow_bookmarks where instance_id = @instanceId", new { instanceId }, cancellationToken: ct))).AsList();
}
