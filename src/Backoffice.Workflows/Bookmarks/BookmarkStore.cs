using Dapper;
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

    /// <summary>Consumes the bookmark; false when it was already consumed (a duplicate or late resume).</summary>
    public static async Task<bool> ConsumeAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from workflow_bookmarks where id = @id", new { id }, cancellationToken: ct)) == 1;

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
