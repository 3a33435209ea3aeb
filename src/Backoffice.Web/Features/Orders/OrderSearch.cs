using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Order search for staff: one text (order number, subject certificate number, the beginning of the
/// subject's name, or a domain) and filters, newest first, among the orders the caller sees. Each text match is its
/// own indexed lookup.
/// </summary>
public static class OrderSearch
{
    public const int PageSize = 50;

    public sealed record Filter(string? Text, string? Status, string? FilingType, string? Province, int Page);

    public sealed record Row
    {
        public Guid Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string FilingType { get; init; } = "";
        public string Status { get; init; } = "";
        public string Province { get; init; } = "";
        public string SubjectName { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    public static async Task<(IReadOnlyList<Row> Rows, bool More)> RunAsync(
        NpgsqlConnection connection, OrderVisibility visibility, Filter filter, CancellationToken ct)
    {
        var text = filter.Text is null ? "" :
            """
            and o.id in (
                select id from filing_orders where order_number = @text
                union select id from filing_orders where subject_certificate_number = @text
                union select id from filing_orders where subject_name like @prefix
                union select order_id from filing_websites where domains @> array[lower(@text)])
            """;
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
            from filing_orders o
            where (@status::text is null or o.status = @status) and (@filingType::text is null or o.filing_type = @filingType)
              and (@province::text is null or o.province = @province) {text}
              and {OrderVisibility.Condition}
            order by o.created_at desc, o.id desc limit @limit offset @offset
            """,
            visibility.With(new
            {
                text = filter.Text, prefix = filter.Text is null ? null : Escape(filter.Text) + "%", filter.Status, filter.FilingType, filter.Province,
                limit = PageSize + 1, offset = (filter.Page - 1) * PageSize,
            }), cancellationToken: ct))).AsList();
        var more = rows.Count > PageSize;
        return (more ? rows[..PageSize] : rows, more);
    }

    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
