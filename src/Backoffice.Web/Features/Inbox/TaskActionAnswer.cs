using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.ReviewTasks;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>Runs a claim or release for a page and answers JSON {ok, message}: the pages update without a reload.</summary>
public static class TaskActionAnswer
{
    public delegate Task<TaskChange> Action(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct);

    public static async Task<IActionResult> RunAsync(
        HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Guid id, Action action, string done)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var change = await action(connection, access, id, clock.GetUtcNow(), ct);
        return new JsonResult(new { ok = change.Succeeded, message = change.Succeeded ? done : TaskMessages.Of(context, change) });
    }
}
