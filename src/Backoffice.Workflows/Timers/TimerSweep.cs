using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Backoffice.Workflows.Timers;

/// <summary>
/// Fires due timers (delays, deadlines, timeouts): each due bookmark resumes with its timeout
/// outcome in its own step, which locks the order first as every step does. A bookmark is consumed
/// by its step, so its Hangfire <see cref="TimerJob"/>, a second sweeper (another node) or the sweep
/// after a restart never fire it twice. Each firing runs in its order's log scope. The SMS window
/// closing is the bureau's return of the order (短信核验超时): it is recorded as the bureau event
/// sms-expired, as when the liaison enters it, so that every report reads the same outcome.
/// </summary>
public sealed class TimerSweep(
    StepTransaction steps, WorkflowEngine engine, BureauEvents bureauEvents, Npgsql.NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TimerSweep> logger)
{
    private const int Batch = 100;

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var fired = 0;
        while (true)
        {
            var due = await DueAsync(ct);
            var firedNow = 0;
            foreach (var (bookmarkId, orderId) in due)
            {
                firedNow += await FireAsync(bookmarkId, orderId, ct) ? 1 : 0;
            }

            fired += firedNow;
            if (due.Count < Batch || firedNow == 0)
            {
                return fired;
            }
        }
    }

    private async Task<List<(Guid BookmarkId, Guid OrderId)>> DueAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
            """
            select b.id, i.order_id from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where b.timeout_outcome is not null and b.due_at <= @now order by b.due_at limit @batch
            """, new { now = clock.GetUtcNow(), batch = Batch }, cancellationToken: ct))).AsList();
    }

    /// <summary>Fires one timer if it is still waiting and due by the application clock; false otherwise.</summary>
    public async Task<bool> FireAsync(Guid bookmarkId, Guid orderId, CancellationToken ct)
    {
        string? orderNumber;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            orderNumber = await OrderLog.NumberAsync(connection, orderId, ct);
        }

        using var scope = OrderLog.Scope(logger, orderId, orderNumber);
        var fired = await steps.StepAsync("timer", async step =>
        {
            await step.LockOrderAsync(orderId);
            var bookmark = await BookmarkStore.FindAsync(step.Connection, bookmarkId, step.CancellationToken);
            if (bookmark is null || bookmark.DueAt > step.Now)
            {
                return (false, false);
            }

            var resumed = bookmark is { Kind: BookmarkKinds.Event, EventName: "sms-verified" }
                ? (await bureauEvents.ApplyAsync(step, orderId, "sms-expired", null))?.Applied == true
                : await engine.ResumeAsync(step, bookmark, bookmark.TimeoutOutcome!, $"timer due {bookmark.DueAt:O}");
            return (resumed, resumed);
        }, ct);
        if (fired)
        {
            logger.LogInformation("Timer {BookmarkId} fired", bookmarkId);
        }

        return fired;
    }
}
