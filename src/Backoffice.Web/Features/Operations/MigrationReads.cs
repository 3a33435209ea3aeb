using System.Text.Json;
using Backoffice.Workflows.Operations;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>A migration and its per-instance results, as its status and the migration page read them.</summary>
public static class MigrationReads
{
    public sealed record MigrationRow
    {
        public Guid Id { get; init; }
        public int FromVersion { get; init; }
        public int ToVersion { get; init; }
        public string Mapping { get; init; } = "{}";
        public string Status { get; init; } = "";
        public string RequestedBy { get; init; } = "";
        public DateTimeOffset RequestedAt { get; init; }
        public int Total { get; init; }

        public Dictionary<string, string> MappingOf() => JsonSerializer.Deserialize<Dictionary<string, string>>(Mapping) ?? [];
    }

    private sealed record ResultRow(Guid InstanceId, string Outcome, string? Reason, string? ActivityId);

    public static Task<MigrationRow?> FindAsync(NpgsqlConnection connection, string definitionId, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MigrationRow>(new CommandDefinition(
            """
            select id, from_version, to_version, mapping::text as mapping, status, requested_by, requested_at, cardinality(instance_ids) as total
            from workflow_migrations where id = @id and definition_id = @definitionId
            """, new { id, definitionId }, cancellationToken: ct));

    /// <summary>The migrations of a definition, newest first.</summary>
    public static async Task<IReadOnlyList<MigrationRow>> OfDefinitionAsync(NpgsqlConnection connection, string definitionId, CancellationToken ct) =>
        (await connection.QueryAsync<MigrationRow>(new CommandDefinition(
            """
            select id, from_version, to_version, mapping::text as mapping, status, requested_by, requested_at, cardinality(instance_ids) as total
            from workflow_migrations where definition_id = @definitionId order by requested_at desc limit 20
            """, new { definitionId }, cancellationToken: ct))).AsList();

    public static async Task<IEnumerable<MigrationPlan.Result>> ResultsAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<ResultRow>(new CommandDefinition(
            "select instance_id, outcome, reason, activity_id from workflow_migration_results where migration_id = @id order by at, instance_id",
            new { id }, cancellationToken: ct)))
            .Select(r => new MigrationPlan.Result(r.InstanceId, r.Outcome, r.Reason, r.ActivityId));
}
