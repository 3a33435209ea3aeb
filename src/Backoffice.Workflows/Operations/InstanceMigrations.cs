using System.Text.Json;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Definitions;
using Dapper;
using Hangfire;
using Npgsql;

namespace Backoffice.Workflows.Operations;

/// <summary>
/// Moves chosen running instances of a definition from one version to another (docs/API.md, "Safe change
/// and operations"). The dry run decides each instance with <see cref="MigrationPlan"/> and changes nothing;
/// a migration is recorded with its instances fixed, then run in batches by <see cref="MigrationJob"/>: each
/// batch one transaction under its orders' locks, deciding again (an instance may have finished meanwhile),
/// moving the migrated (version, waits, open tasks), journalling and auditing each. A result row per
/// instance makes a rerun carry on where it stopped and never move an instance twice.
/// </summary>
public sealed class InstanceMigrations(NpgsqlDataSource dataSource, DefinitionStore definitions, TimeProvider clock, IBackgroundJobClient jobs)
{
    public const int BatchSize = 500;

    public sealed record Request(string DefinitionId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<Guid>? InstanceIds);

    private sealed record InstanceRow
    {
        public Guid Id { get; init; }
        public string DefinitionId { get; init; } = "";
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public string[] Waiting { get; init; } = [];
    }

    private const string InstancesWithWaits =
        """
        select i.id, i.definition_id, i.version, i.status,
               coalesce(array_agg(distinct b.activity_id) filter (where b.id is not null), '{}') as waiting
        from workflow_instances i left join workflow_bookmarks b on b.instance_id = i.id
        """;

    public async Task<MigrationPlan> PlanAsync(NpgsqlConnection connection, Request request, CancellationToken ct) =>
        new(await definitions.GetAsync(connection, request.DefinitionId, request.FromVersion, ct),
            await definitions.GetAsync(connection, request.DefinitionId, request.ToVersion, ct), request.Mapping);

    /// <summary>What the migration would do to each instance (the chosen ones, or every running one on the old version); nothing changes.</summary>
    public static async Task<IReadOnlyList<MigrationPlan.Result>> DryRunAsync(NpgsqlConnection connection, MigrationPlan plan, Request request, CancellationToken ct)
    {
        var ids = request.InstanceIds ?? await RunningOnAsync(connection, null, request, ct);
        var rows = await ReadAsync(connection, null, ids, ct);
        return [.. ids.Select(id => plan.Decide(rows.GetValueOrDefault(id), id))];
    }

    /// <summary>Records the migration with its instances and queues its run; answers its id.</summary>
    public async Task<Guid> StartAsync(Request request, string actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ids = request.InstanceIds ?? await RunningOnAsync(connection, transaction, request, ct);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var mapping = JsonSerializer.Serialize(request.Mapping);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_migrations (id, definition_id, from_version, to_version, mapping, instance_ids, status, requested_by, requested_at)
            values (@id, @DefinitionId, @FromVersion, @ToVersion, @mapping::jsonb, @ids, 'running', @actor, @now)
            """, new { id, request.DefinitionId, request.FromVersion, request.ToVersion, mapping, ids = ids.ToArray(), actor, now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, "migration-requested", "workflow-definition", request.DefinitionId,
            new { migration = id, from = request.FromVersion, to = request.ToVersion, mapping = request.Mapping, instances = ids.Count }, ct);
        await transaction.CommitAsync(ct);
        jobs.Enqueue<MigrationJob>(job => job.RunAsync(id, CancellationToken.None));
        return id;
    }

    /// <summary>Runs the next batch of a migration; false when none was left (the migration is then finished).</summary>
    public async Task<bool> RunBatchAsync(Guid migrationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var migration = await connection.QuerySingleAsync<MigrationRow>(new CommandDefinition(
            """
            select definition_id, from_version, to_version, mapping::text as mapping, requested_by, status
            from workflow_migrations where id = @migrationId for update
            """, new { migrationId }, transaction, cancellationToken: ct));
        var batch = (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            select id from unnest((select instance_ids from workflow_migrations where id = @migrationId)) id
            where not exists (select 1 from workflow_migration_results r where r.migration_id = @migrationId and r.instance_id = id)
            limit @size
            """, new { migrationId, size = BatchSize }, transaction, cancellationToken: ct))).AsList();
        var now = clock.GetUtcNow();
        if (batch.Count == 0)
        {
            await FinishAsync(connection, transaction, migrationId, migration, now, ct);
            await transaction.CommitAsync(ct);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            select 1 from filing_orders where id in (select order_id from workflow_instances where id = any(@batch)) order by id for update
            """, new { batch }, transaction, cancellationToken: ct));
        var request = new Request(migration.DefinitionId, migration.FromVersion, migration.ToVersion,
            JsonSerializer.Deserialize<Dictionary<string, string>>(migration.Mapping)!, batch);
        var plan = await PlanAsync(connection, request, ct);
        var rows = await ReadAsync(connection, transaction, batch, ct);
        var results = batch.Select(id => plan.Decide(rows.GetValueOrDefault(id), id)).ToList();
        var moving = results.Where(r => r is { Outcome: MigrationPlan.Migrated, Reason: null }).Select(r => r.InstanceId).ToArray();
        await MigrationWrites.MoveAsync(connection, transaction, plan, moving, migration.RequestedBy, migrationId, now, ct);
        await MigrationWrites.RecordAsync(connection, transaction, migrationId, results, now, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task FinishAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid migrationId, MigrationRow migration, DateTimeOffset now, CancellationToken ct)
    {
        if (migration.Status == "finished")
        {
            return;
        }

        var counts = await connection.QuerySingleAsync<(int Migrated, int Blocked)>(new CommandDefinition(
            """
            update workflow_migrations set status = 'finished', finished_at = @now where id = @migrationId;
            select count(*) filter (where outcome = 'migrated')::int, count(*) filter (where outcome = 'blocked')::int
            from workflow_migration_results where migration_id = @migrationId
            """, new { migrationId, now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, migration.RequestedBy, "migration-finished", "workflow-definition", migration.DefinitionId,
            new { migration = migrationId, from = migration.FromVersion, to = migration.ToVersion, counts.Migrated, counts.Blocked }, ct);
    }

    private static async Task<List<Guid>> RunningOnAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Request request, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "select id from workflow_instances where definition_id = @DefinitionId and version = @FromVersion and status = 'running' order by created_at, id",
            request, transaction, cancellationToken: ct))).AsList();

    private static async Task<Dictionary<Guid, MigrationPlan.Instance>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        (await connection.QueryAsync<InstanceRow>(new CommandDefinition(
            InstancesWithWaits + " where i.id = any(@ids) group by i.id", new { ids = ids.ToArray() }, transaction, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => new MigrationPlan.Instance(r.Id, r.DefinitionId, r.Version, r.Status, r.Waiting));

    private sealed record MigrationRow
    {
        public string DefinitionId { get; init; } = "";
        public int FromVersion { get; init; }
        public int ToVersion { get; init; }
        public string Mapping { get; init; } = "{}";
        public string RequestedBy { get; init; } = "";
        public string Status { get; init; } = "";
    }
}
