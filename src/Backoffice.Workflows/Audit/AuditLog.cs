using System.Text.Json;
using Backoffice.Workflows.Steps;
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

    private static readonly RowTable Rows = new("audit_log",
        ("at", "timestamptz", typeof(DateTimeOffset)), ("actor", "text", typeof(string)), ("action", "text", typeof(string)),
        ("entity_type", "text", typeof(string)), ("entity_id", "text", typeof(string)), ("details", "jsonb", typeof(string)));

    /// <summary>The same row, sent with a step's writes at commit.</summary>
    public static void Add(DeferredWrites writes, DateTimeOffset at, string actor, string action, string entityType, string entityId, object? details) =>
        writes.AddRow(Rows, at, actor, action, entityType, entityId, JsonSerializer.Serialize(details ?? new { }));
}
