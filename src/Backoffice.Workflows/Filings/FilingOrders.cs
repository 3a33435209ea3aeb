using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Loading an order row; the status moves inside engine steps (<see cref="OrderStatus"/>), and a change
/// made outside the engine appends its timeline row itself (<see cref="AppendTimeline"/>).
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
}
