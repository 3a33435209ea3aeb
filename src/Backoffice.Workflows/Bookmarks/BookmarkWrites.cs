using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Bookmarks;

/// <summary>Creates the bookmark of an activity that starts to wait.</summary>
public sealed record CreateBookmark(Bookmark Bookmark, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome, created_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, Bookmark.Id, Bookmark.InstanceId, Bookmark.ActivityId, Bookmark.Kind, DeferredWrites.Nullable(NpgsqlDbType.Text, Bookmark.EventName),
            DeferredWrites.Nullable(NpgsqlDbType.TimestampTz, Bookmark.DueAt), DeferredWrites.Nullable(NpgsqlDbType.Text, Bookmark.TimeoutOutcome), At);
}

/// <summary>Consumes a bookmark its activity resumes from: a duplicate or late resume finds it gone.</summary>
public sealed record ConsumeBookmark(Guid Id) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) => writes.Add("delete from workflow_bookmarks where id = $1", Id);
}

/// <summary>Removes every wait of an instance that has ended (finished, cancelled or faulted).</summary>
public sealed record RemoveBookmarks(Guid InstanceId) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) => writes.Add("delete from workflow_bookmarks where instance_id = $1", InstanceId);
}
