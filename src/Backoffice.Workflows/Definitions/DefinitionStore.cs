using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Definitions;

/// <summary>
/// Definitions in PostgreSQL keyed (definition id, version). Published and retired versions never
/// change, so they are cached; a draft is edited in place until it is published.
/// </summary>
public sealed class DefinitionStore
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _versions = new();

    private sealed record PublishedRow
    {
        public string Id { get; init; } = "";
        public int Version { get; init; }
    }

    private sealed record FirstStartRow
    {
        public bool Running { get; init; }
        public string? Id { get; init; }
        public int Version { get; init; }
    }

    public sealed record Summary
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? FilingType { get; init; }
        public int LatestVersion { get; init; }
        public int? PublishedVersion { get; init; }
        public int? DraftVersion { get; init; }
        public int? AwaitingApprovalVersion { get; init; }
        public int RunningInstances { get; init; }
    }

    public async Task<WorkflowDefinition> GetAsync(NpgsqlConnection connection, string id, int version, CancellationToken ct)
    {
        if (_versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        var row = await connection.QuerySingleAsync<(string Document, string Status)>(new CommandDefinition(
            "select document::text, status from workflow_definition_versions where definition_id = @id and version = @version",
            new { id, version }, cancellationToken: ct));
        var definition = DefinitionJson.Parse(row.Document) with { Id = id, Version = version };
        if (row.Status != "draft")
        {
            _versions[(id, version)] = definition;
        }

        return definition;
    }

    public async Task<WorkflowDefinition?> FindVersionAsync(NpgsqlConnection connection, string id, int version, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workflow_definition_versions where definition_id = @id and version = @version)",
            new { id, version }, cancellationToken: ct))
            ? await GetAsync(connection, id, version, ct)
            : null;

    public static Task<bool> ExistsAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workflow_definitions where id = @id)", new { id }, cancellationToken: ct));

    /// <summary>The highest version of a definition (its draft when it has one); 0 when it has none.</summary>
    public static Task<int> LatestVersionAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select coalesce(max(version), 0) from workflow_definition_versions where definition_id = @id", new { id }, cancellationToken: ct));

    private const string PublishedSelect =
        """
        select d.id, v.version from workflow_definitions d
        join workflow_definition_versions v on v.definition_id = d.id and v.status = 'published'
        """;

    /// <summary>The published version new instances start on, by definition id.</summary>
    public async Task<WorkflowDefinition?> PublishedAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PublishedRow>(new CommandDefinition(
            PublishedSelect + " where d.id = @id", new { id }, cancellationToken: ct));
        return row is null ? null : await GetAsync(connection, row.Id, row.Version, ct);
    }

    /// <summary>
    /// What a first submit needs, in one round trip: whether the order already runs an instance, and
    /// the published version of its filing type's definition (null when there is none).
    /// </summary>
    public async Task<(bool Running, WorkflowDefinition? Published)> FirstStartAsync(
        NpgsqlConnection connection, Guid orderId, string filingType, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<FirstStartRow>(new CommandDefinition(
            $"""
            select exists (select 1 from workflow_instances where order_id = @orderId and status = 'running') as running, p.id, p.version
            from (select 1) one left join ({PublishedSelect} where d.filing_type = @filingType) p on true
            """, new { orderId, filingType }, cancellationToken: ct));
        return (row.Running, row.Id is null ? null : await GetAsync(connection, row.Id, row.Version, ct));
    }

    public async Task<IReadOnlyList<Summary>> ListAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<Summary>(new CommandDefinition(
            """
            select d.id, d.name, d.filing_type,
                   (select max(version) from workflow_definition_versions v where v.definition_id = d.id) as latest_version,
                   (select version from workflow_definition_versions v where v.definition_id = d.id and v.status = 'published') as published_version,
                   (select version from workflow_definition_versions v where v.definition_id = d.id and v.status = 'draft') as draft_version,
                   (select version from workflow_definition_versions v where v.definition_id = d.id and v.status = 'awaiting-approval') as awaiting_approval_version,
                   (select count(*)::int from workflow_instances i where i.definition_id = d.id and i.status = 'running') as running_instances
            from workflow_definitions d order by d.filing_type nulls last, d.id
            """, cancellationToken: ct))).AsList();

    /// <summary>
    /// Imports each shipped default version (Definitions/Defaults/*.json) once, in version order: the
    /// first as published version 1; a later one as the definition's next version, published in place
    /// of the shipped version published before it. A definition whose published version compliance
    /// made, or that has a draft or a version awaiting approval, stays as compliance left it (the shipped
    /// file can be imported by hand).
    /// </summary>
    public static async Task ImportDefaultsAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext('workflow_shipped_versions'))", transaction: transaction, cancellationToken: ct));
        foreach (var definition in DefinitionJson.Defaults().OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version))
        {
            var errors = DefinitionValidator.Validate(definition);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Shipped definition {definition.Id} v{definition.Version} is invalid: {string.Join("; ", errors.Select(e => $"{e.ActivityId}: {e.Message}"))}");
            }

            var state = await connection.QuerySingleAsync<ShippedState>(new CommandDefinition(ShippedStateSql, new { definition.Id, shipped = definition.Version }, transaction, cancellationToken: ct));
            if (state.Imported || (state.Latest > 0 && (state.HasDraft || state.Published is null || state.Published != state.LastShipped)))
            {
                continue;
            }

            var version = state.Latest + 1;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into workflow_definitions (id, name, filing_type, created_at) values (@Id, @Name, @FilingType, @now) on conflict do nothing;
                update workflow_definition_versions set status = 'retired' where definition_id = @Id and status = 'published';
                insert into workflow_definition_versions (definition_id, version, status, document, note, saved_by, saved_at, published_by, published_at)
                values (@Id, @version, 'published', @document::jsonb, @note, 'system', @now, 'system', @now);
                insert into workflow_shipped_versions (definition_id, shipped_version, version, imported_at) values (@Id, @shipped, @version, @now);
                """,
                new
                {
                    definition.Id, definition.Name, definition.FilingType, now, version, shipped = definition.Version,
                    note = $"出厂默认流程 v{definition.Version} / shipped default v{definition.Version}",
                    document = DefinitionJson.Write(definition with { Version = version }),
                }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
    }

    private sealed record ShippedState
    {
        public bool Imported { get; init; }
        public int Latest { get; init; }
        public bool HasDraft { get; init; }
        public int? Published { get; init; }
        public int? LastShipped { get; init; }
    }

    private const string ShippedStateSql =
        """
        select exists (select 1 from workflow_shipped_versions where definition_id = @Id and shipped_version >= @shipped) as imported,
               coalesce((select max(version) from workflow_definition_versions where definition_id = @Id), 0) as latest,
               exists (select 1 from workflow_definition_versions where definition_id = @Id and status in ('draft', 'awaiting-approval')) as has_draft,
               (select version from workflow_definition_versions where definition_id = @Id and status = 'published') as published,
               (select version from workflow_shipped_versions where definition_id = @Id order by shipped_version desc limit 1) as last_shipped
        """;
}
