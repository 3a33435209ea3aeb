using System.Text.Json;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Operations;

/// <summary>
/// The writes of one migration batch, set-based: the migrated instances move to the new version with their
/// waits, their tasks' definition version, and open review tasks on the mapped steps (a task titled as its new step),
/// each gets a journal row (its order's timeline shows it) and an audit row; every decided instance gets its result.
/// Review tasks are found through their orders' index: they are not indexed by instance.
/// </summary>
internal static class MigrationWrites
{
    public static async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationPlan plan, Guid[] moving, string actor, Guid migrationId,
        DateTimeOffset now, CancellationToken ct)
    {
        if (moving.Length == 0)
        {
            return;
        }

        var waits = plan.From.Activities.Select(a => a.Id).Where(id => plan.Target(id) != id).ToDictionary(id => id, plan.Target);
        var titles = plan.To.Activities.ToDictionary(a => a.Id, a => a.Text("title") ?? a.Name ?? a.Id);
        var note = $"v{plan.From.Version} → v{plan.To.Version}";
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_instances set version = @to, updated_at = @now, row_version = row_version + 1
            where id = any(@moving) and status = 'running' and version = @from;
            update workflow_bookmarks set activity_id = @waits::jsonb ->> activity_id
            where instance_id = any(@moving) and @waits::jsonb ? activity_id;
            update review_tasks set activity_id = @waits::jsonb ->> activity_id
            where order_id in (select order_id from workflow_instances where id = any(@moving))
              and instance_id = any(@moving) and status = 'open' and @waits::jsonb ? activity_id;
            update review_tasks t set definition_version = i.version from workflow_instances i
            where i.id = any(@moving) and t.order_id = i.order_id and t.instance_id = i.id and t.definition_version <> i.version;
            update review_tasks t set step = @titles::jsonb ->> t.activity_id
            where t.order_id in (select order_id from workflow_instances where id = any(@moving))
              and t.instance_id = any(@moving) and t.status = 'open' and @titles::jsonb ? t.activity_id;
            insert into workflow_journal (instance_id, order_id, at, activity_id, activity_type, activity_name, outcome, actor, note)
            select id, order_id, @now, 'migrate', 'migration', null, 'migrated', @actor, @note from workflow_instances where id = any(@moving);
            insert into audit_log (at, actor, action, entity_type, entity_id, details)
            select @now, @actor, 'instance-migrated', 'filing-order', o.order_number,
                   jsonb_build_object('instance', i.id, 'migration', @migrationId, 'definition', i.definition_id, 'from', @from, 'to', @to, 'mapping', @waits::jsonb)
            from workflow_instances i join filing_orders o on o.id = i.order_id where i.id = any(@moving);
            """,
            new
            {
                moving, from = plan.From.Version, to = plan.To.Version, now, actor, note, migrationId,
                waits = JsonSerializer.Serialize(waits), titles = JsonSerializer.Serialize(titles),
            }, transaction, cancellationToken: ct));
    }

    public static Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid migrationId, IReadOnlyList<MigrationPlan.Result> results, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_migration_results (migration_id, instance_id, outcome, reason, activity_id, at)
            select @migrationId, r.instance_id, r.outcome, r.reason, r.activity_id, @now
            from unnest(@ids, @outcomes, @reasons, @activities) as r(instance_id, outcome, reason, activity_id)
            on conflict do nothing
            """,
            new
            {
                migrationId, now, ids = results.Select(r => r.InstanceId).ToArray(), outcomes = results.Select(r => r.Outcome).ToArray(),
                reasons = results.Select(r => r.Reason).ToArray(), activities = results.Select(r => r.ActivityId).ToArray(),
            }, transaction, cancellationToken: ct));
}
