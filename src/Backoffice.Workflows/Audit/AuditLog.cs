using Backoffice.Workflows.Steps;
using Npgsql;

namespace Backoffice.Workflows.Audit;

/// <summary>Every state change writes one row here (<see cref="AppendAudit"/>), in the same transaction as the change.</summary>
public static class AuditLog
{
    /// <summary>Writes the row now, in <paramref name="transaction"/> when there is one.</summary>
    public static Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset at, string actor,
        string action, string entityType, string entityId, object? details, CancellationToken cancellationToken) =>
        new AppendAudit(at, actor, action, entityType, entityId, details).RunAsync(connection, transaction, cancellationToken);

    /// <summary>The same row, sent with a step's writes at commit.</summary>
    public static void Add(DeferredWrites writes, DateTimeOffset at, string actor, string action, string entityType, string entityId, object? details) =>
        writes.Add(new AppendAudit(at, actor, action, entityType, entityId, details));
}
