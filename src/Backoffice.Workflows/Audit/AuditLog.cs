using System.Text.Json;
using Backoffice.Workflows.Instances;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Audit;

/// <summary>Every state change writes one row here, in the same transaction as the change.</summary>
public static class AuditLog
{
    public static Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset at, string actor,
        string action, string entityType, string entityId, object? details, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into audit_log (at, actor, action, entity_type, entity_id, details)
            values (@at, @actor, @action, @entityType, @entityId, @details::jsonb)
            """,
            new { at, actor, action, entityType, entityId, details = JsonSerializer.Serialize(details ?? new { }) },
            transaction, cancellationToken: cancellationToken));

    /// <summary>The same row, sent with a step's writes at commit.</summary>
    public static void Add(DeferredWrites writes, DateTimeOffset at, string actor, string action, string entityType, string entityId, object? details) =>
        writes.Add(
            "insert into audit_log (at, actor, action, entity_type, entity_id, details) values ($1, $2, $3, $4, $5, $6::jsonb)",
            at, actor, action, entityType, entityId, JsonSerializer.Serialize(details ?? new { }));
}
