using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Filings;

/// <summary>Loading an order and moving its public status: one timeline row and one audit row per change.</summary>
public static class FilingOrders
{
    public static Task<FilingOrderRow?> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<FilingOrderRow>(new CommandDefinition(
            "select *, body::text as body from filing_orders where id = @id" + (forUpdate ? " for update" : ""),
            new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Sets the status if the row is still at <paramref name="order"/>'s version; returns false when
    /// another change came first (the caller answers 409).
    /// </summary>
    public static async Task<bool> ChangeStatusAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, FilingOrderRow order, string status,
        DateTimeOffset at, string actor, string? step, string? note, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            update filing_orders set status = @status, updated_at = @at, row_version = row_version + 1,
                submitted_at = case when @status = 'submitted' then @at else submitted_at end
            where id = @id and row_version = @version
            """,
            new { status, at, id = order.Id, version = order.RowVersion }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return false;
        }

        await AppendTimelineAsync(connection, transaction, order.Id, at, status, step, actor, note, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, at, actor, "status-changed", "filing-order", order.OrderNumber,
            new { from = order.Status, to = status, step, note }, cancellationToken);
        return true;
    }

    public static Task AppendTimelineAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, DateTimeOffset at, string status,
        string? step, string actor, string? note, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "insert into filing_timeline (order_id, at, status, step, actor, note) values (@orderId, @at, @status, @step, @actor, @note)",
            new { orderId, at, status, step, actor, note }, transaction, cancellationToken: cancellationToken));
}
