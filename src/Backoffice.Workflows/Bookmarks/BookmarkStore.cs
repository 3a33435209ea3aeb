using Dapper;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Npgsql;

namespace Backoffice.Workflows.Bookmarks;

/// <summary>
/// Reading bookmark rows: created when an activity waits (<see cref="CreateBookmark"/>), deleted when it resumes
/// (<see cref="ConsumeBookmark"/>) or its instance ends (<see cref="RemoveBookmarks"/>).
/// </summary>
public static class BookmarkStore
{
    private const string Columns = "id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome";

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
