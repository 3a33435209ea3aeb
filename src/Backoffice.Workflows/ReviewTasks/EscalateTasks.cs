using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>
/// Escalates open review tasks whose SLA (working time, see the task's due and escalation times) is
/// breached: once per task, an in-app notice to each of the team's active leads and an e-mail to each
/// lead's address through the outbox, its delivery job queued in the same transaction. A lead without
/// an address gets the notice only; the audit row and a warning name him. A deactivated lead gets
/// nothing, and a team without an active lead is named by a warning.
/// </summary>
public sealed class EscalateTasks(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<EscalateTasks> logger)
{
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var breached = (await connection.QueryAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.status = 'open' and t.escalated_at is null and t.escalate_at <= @now for update of t skip locked limit 500",
            new { now }, transaction, cancellationToken: ct))).AsList();
        var deliveries = new DeferredWrites();
        var jobs = new HangfireJobRows(deliveries);
        foreach (var task in breached)
        {
            var (mails, withoutEmail, leads) = await connection.QuerySingleAsync<(Guid[], string[], int)>(new CommandDefinition(
                """
                with escalated as (update review_tasks set escalated_at = @now where id = @Id),
                leads as (
                    select u.username, u.email from team_members m join users u on u.id = m.user_id
                    where m.team_id = @Team and m.is_lead and u.active),
                queued as (
                    insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
                    select gen_random_uuid(), @OrderId, c.channel, c.recipient, 'sla-escalation',
                           '订单' || @OrderNumber || '的“' || @Step || '”已超时（应于 ' || to_char(@DueAt at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' 前完成），处理人：' || coalesce(@Assignee, '未领取'),
                           @now
                    from leads l cross join lateral (values ('staff', l.username), ('email', l.email)) c(channel, recipient)
                    where c.recipient is not null
                    returning id, channel)
                select array(select id from queued where channel = 'email'), array(select username from leads where email is null order by 1),
                       (select count(*)::int from leads)
                """,
                new { now, task.Id, task.OrderId, task.OrderNumber, task.Step, task.DueAt, task.Assignee, task.Team }, transaction, cancellationToken: ct));
            foreach (var mail in mails)
            {
                jobs.SendNotification(mail);
            }

            await AuditLog.WriteAsync(connection, transaction, now, "sla-sweep", "task-escalated", "review-task", task.Id.ToString(),
                new { task.OrderNumber, task.Step, task.Team, task.DueAt, leads, mailed = mails.Length, leadsWithoutEmail = withoutEmail }, ct);
            using var scope = OrderLog.Scope(logger, task.OrderId, task.OrderNumber);
            if (leads == 0)
            {
                logger.LogWarning("SLA escalation of task {TaskId} reached nobody: team {Team} has no active lead", task.Id, task.Team);
            }

            if (withoutEmail.Length > 0)
            {
                logger.LogWarning("SLA escalation of task {TaskId} not mailed to team leads {Leads} of {Team}: they have no e-mail address, in-app notice only",
                    task.Id, withoutEmail, task.Team);
            }
        }

        await deliveries.FlushAsync(connection, false, ct);
        await transaction.CommitAsync(ct);
        return breached.Count;
    }
}
