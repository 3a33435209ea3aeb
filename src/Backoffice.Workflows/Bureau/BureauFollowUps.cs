using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Bureau;

/// <summary>
/// The bureau's 20-working-day limit (Kingsoft 管局审核): an order whose bureau-review wait has lasted 20 working
/// days gets a follow-up task for the bureau liaison team (<c>bureau_follow_ups</c>), with an in-app notice to each
/// active liaison, once per wait. The task sits beside the workflow, not in it: the definition's wait goes on
/// waiting for the bureau's result, and the step that applies the result closes the task
/// (<see cref="CloseBureauFollowUp"/>). A wait that ended otherwise (the order withdrawn) has its task closed here.
/// Run by the SLA sweep's Quartz job and when the test clock moves; it locks each order first, as engine steps do,
/// so a result being applied and a task being opened never cross.
/// </summary>
public sealed class BureauFollowUps(NpgsqlDataSource dataSource, TimeProvider clock, WorkingCalendarStore calendars, ILogger<BureauFollowUps> logger)
{
    public const string Team = "bureau-liaison";
    public const string Actor = "sla-sweep";

    private sealed record Waiting(Guid BookmarkId, Guid OrderId, string OrderNumber, DateTimeOffset CreatedAt);

    /// <summary>Opens the follow-ups now due and closes those whose wait is over; returns how many were opened.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var calendar = await calendars.GetAsync(connection, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ended = await connection.QueryAsync<(Guid Id, string OrderNumber)>(new CommandDefinition(
            """
            with closed as (
                update bureau_follow_ups f set status = 'closed', closed_at = @now, closed_by = @Actor, resolution = 'wait-ended'
                where f.status = 'open' and not exists (select 1 from workflow_bookmarks b where b.id = f.bookmark_id)
                returning f.id, f.order_id)
            select c.id, o.order_number from closed c join filing_orders o on o.id = c.order_id
            """, new { now, Actor }, transaction, cancellationToken: ct));
        foreach (var (id, orderNumber) in ended)
        {
            await AuditLog.WriteAsync(connection, transaction, now, Actor, "bureau-follow-up-closed", "filing-order", orderNumber,
                new { followUp = id, resolution = "wait-ended" }, ct);
        }

        // Twenty working days are at least twenty calendar days: the database narrows, the calendar decides.
        var waiting = await connection.QueryAsync<Waiting>(new CommandDefinition(
            """
            select b.id as bookmark_id, o.id as order_id, o.order_number, b.created_at
            from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id join filing_orders o on o.id = i.order_id
            where b.kind = 'event' and b.event_name = 'bureau-result' and b.created_at <= @cutoff
              and not exists (select 1 from bureau_follow_ups f where f.bookmark_id = b.id)
            order by b.created_at limit 500
            for update of o skip locked
            """, new { cutoff = now.AddDays(-DomainHolderCheck.BureauReviewWorkingDays) }, transaction, cancellationToken: ct));
        var opened = 0;
        foreach (var wait in waiting)
        {
            var dueAt = calendar.AddWorkingDays(wait.CreatedAt, DomainHolderCheck.BureauReviewWorkingDays);
            if (dueAt <= now && await OpenAsync(connection, transaction, wait, dueAt, now, ct))
            {
                opened++;
            }
        }

        await transaction.CommitAsync(ct);
        return opened;
    }

    private async Task<bool> OpenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Waiting wait, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        // Read again under the order's lock: a result applied since the first read has consumed the wait.
        var notified = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            with opened as (
                insert into bureau_follow_ups (id, order_id, bookmark_id, team, waiting_since, due_at, status, created_at)
                select @id, @OrderId, @BookmarkId, @Team, @CreatedAt, @dueAt, 'open', @now
                where exists (select 1 from workflow_bookmarks where id = @BookmarkId)
                on conflict (bookmark_id) do nothing
                returning id),
            notices as (
                insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
                select gen_random_uuid(), @OrderId, 'staff', u.username, 'bureau-follow-up',
                       '订单' || @OrderNumber || '在管局审核已满 ' || @days || ' 个工作日（自 ' || to_char(@CreatedAt at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' 起），请向管局跟进',
                       @now
                from users u where u.active and 'bureau-liaison' = any(u.roles) and exists (select 1 from opened)
                returning id)
            select (select count(*)::int from notices) from opened
            """,
            new { id = Guid.CreateVersion7(), wait.OrderId, wait.BookmarkId, Team, wait.CreatedAt, dueAt, now, wait.OrderNumber, days = DomainHolderCheck.BureauReviewWorkingDays },
            transaction, cancellationToken: ct));
        if (notified is null)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, now, Actor, "bureau-follow-up-opened", "filing-order", wait.OrderNumber,
            new { team = Team, waitingSince = wait.CreatedAt, dueAt, notified }, ct);
        using var scope = OrderLog.Scope(logger, wait.OrderId, wait.OrderNumber);
        logger.LogInformation("Order still at the bureau after {Days} working days: follow-up task opened for {Team}", DomainHolderCheck.BureauReviewWorkingDays, Team);
        return true;
    }
}
