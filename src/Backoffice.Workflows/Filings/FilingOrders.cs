using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Loading an order row and the timeline rows of changes made outside the engine; the status moves
/// inside engine steps (<see cref="OrderStatus"/>).
/// </summary>
public static class FilingOrders
{
    /// <summary>
    /// The order row's columns (those of <see cref="FilingOrderRow"/>, the body once, as text), to be
    /// followed by the condition.
    /// </summary>
    public const string Select =
        """
        select id, order_number, filing_type, status, province, subject_nature, subject_name, subject_certificate_type,
               subject_certificate_number, subject_filing_number, website_filing_number, verification_method, body::text as body,
               created_by, created_at, updated_at, submitted_at, row_version, website_filing_numbers, public_security_number,
               bureau_attempts
        from filing_orders
        """;

    public static Task<FilingOrderRow?> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<FilingOrderRow>(new CommandDefinition(
            Select + " where id = @id" + (forUpdate ? " for update" : ""),
            new { id }, transaction, cancellationToken: cancellationToken));

    public static Task AppendTimelineAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, DateTimeOffset at, string status,
        string? step, string actor, string? note, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "insert into filing_timeline (order_id, at, status, step, actor, note) values (@orderId, @at, @status, @step, @actor, @note)",
            new { orderId, at, status, step, actor, note }, transaction, cancellationToken: cancellationToken));
}
