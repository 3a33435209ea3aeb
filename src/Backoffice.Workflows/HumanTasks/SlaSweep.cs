using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.HumanTasks;

/// <summary>
/// Escalates open review tasks whose SLA (working time, see the task's due and escalation times) is
/// breached: once per task, an in-app notice and an e-mail to the team's leads through the outbox.
/// </summary>
public sealed class SlaSweep(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var breached = (await connection.QueryAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.status = 'open' and t.escalated_at is null and t.escalate_at <= @now for update of t skip locked limit 500",
            new { now }, transaction, cancellationToken: ct))).AsList();
        foreach (var task in breached)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                update review_tasks set escalated_at = @now where id = @Id;
                insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
                select gen_random_uuid(), @OrderId, channel, u.username, 'sla-escalation',
                       '订单' || @OrderNumber || '的“' || @Step || '”已超时（应于 ' || to_char(@DueAt at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' 前完成），处理人：' || coalesce(@Assignee, '未领取'),
                       @now
                from team_members m join users u on u.id = m.user_id cross join (values ('staff'), ('email')) c(channel)
                where m.team_id = @Team and m.is_lead
                """,
                new { now, task.Id, task.OrderId, task.OrderNumber, task.Step, task.DueAt, task.Assignee, task.Team }, transaction, cancellationToken: ct));
            await AuditLog.WriteAsync(connection, transaction, now, "sla-sweep", "task-escalated", "review-task", task.Id.ToString(),
                new { task.OrderNumber, task.Step, task.Team, task.DueAt }, ct);
        }

        await transaction.CommitAsync(ct);
        return breached.Count;
    }
}
