using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Order search for staff (the /orders page and GET /api/filings): one text (order number, subject certificate
/// number, the beginning of the subject's name, or a domain) and filters, newest first, among the orders the
/// caller sees. Each text match is its own indexed lookup and their ids are gathered first (an array, so the
/// planner fetches those orders by key instead of hashing them against a scan of every order); without a text
/// the list walks (created_at, id) newest first (db/0082).
/// </summary>
public static class OrderSearch
{
    public const int PageSize = 50;

    /// <summary>How far past the start of a page <see cref="CountAsync"/> counts: beyond it the count is a lower bound.</summary>
    public const int CountCap = 1000;

    public const int MaxTextLength = 100;

    public sealed record Filter(string? Text, string? Status, string? FilingType, string? Province, int Page, int Size = PageSize)
    {
        public int Offset => (Page - 1) * Size;
    }

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

    /// <summary>The orders matching, counted up to <see cref="CountCap"/> past the page's start (Capped when there are more).</summary>
    public sealed record Count(long Total, bool Capped);

    public static async Task<(IReadOnlyList<Row> Rows, bool More)> RunAsync(
        NpgsqlConnection connection, OrderVisibility visibility, Filter filter, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
            from filing_orders o {Where(visibility, filter)}
            order by o.created_at desc, o.id desc limit @limit offset @offset
            """,
            Parameters(visibility, filter, new { limit = filter.Size + 1, offset = filter.Offset }), cancellationToken: ct))).AsList();
        var more = rows.Count > filter.Size;
        return (more ? rows[..filter.Size] : rows, more);
    }

    /// <summary>
    /// Counts the matching orders, stopping <see cref="CountCap"/> past the page's start: a count of every order a
    /// reviewer sees would read them all (a million orders, a task look-up each), however few are shown.
    /// </summary>
    public static async Task<Count> CountAsync(NpgsqlConnection connection, OrderVisibility visibility, Filter filter, CancellationToken ct)
    {
        var stop = filter.Offset + CountCap;
        var counted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"select count(*) from (select 1 from filing_orders o {Where(visibility, filter)} limit @stop) matching",
            Parameters(visibility, filter, new { stop = stop + 1 }), cancellationToken: ct));
        return counted > stop ? new Count(stop, true) : new Count(counted, false);
    }

    private static string Where(OrderVisibility visibility, Filter filter)
    {
        var text = filter.Text is null ? "" :
            """
            and o.id = any (array (
                select id from filing_orders where order_number = @text
                union select id from filing_orders where subject_certificate_number = @text
                union select id from filing_orders where subject_name like @prefix
                union select order_id from filing_websites where domains @> array[lower(@text)]))
            """;
        return $"""
            where (@status::text is null or o.status = @status) and (@filingType::text is null or o.filing_type = @filingType)
              and (@province::text is null or o.province = @province) {text}
              and {visibility.Condition}
            """;
    }

    private static DynamicParameters Parameters(OrderVisibility visibility, Filter filter, object page)
    {
        var all = visibility.With(new
        {
            text = filter.Text, prefix = filter.Text is null ? null : Escape(filter.Text) + "%", filter.Status, filter.FilingType, filter.Province,
        });
        all.AddDynamicParams(page);
        return all;
    }

    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
