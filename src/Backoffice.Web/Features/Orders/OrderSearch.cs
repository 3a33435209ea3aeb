using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Order search for staff (the /orders page and GET /api/filings): one text (order number, subject certificate
/// number, the beginning of the subject's name, or a domain) and filters, newest first, among the orders the
/// caller sees. Each text match is its own indexed lookup, read with its created_at (from the index for a name's
/// beginning, db/0100); the matches are sorted newest first before any order is fetched, so only the orders of the
/// page are read by key, not every match. Without a text the list walks (created_at, id) newest first (db/0082).
/// </summary>
public static class OrderSearch
{
    public const int PageSize = 50;

    /// <summary>How far past the start of a page <see cref="CountAsync"/> counts: beyond it the count is a lower bound.</summary>
    public const int CountCap = 1000;

    public const int MaxTextLength = 100;

    /// <summary>The orders a text matches, each with its created_at: every lookup indexed, the name's read from the index alone.</summary>
    private const string Matches =
        """
        select id, created_at from filing_orders where order_number = @text
        union select id, created_at from filing_orders where subject_certificate_number = @text
        union select id, created_at from filing_orders where subject_name like @prefix
        union select id, created_at from filing_orders
              where id = any (array (select order_id from filing_websites where domains @> array[lower(@text)]))
        """;

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
            from {From(filter)} {Where(visibility, filter)}
            order by {Newest(filter)} limit @limit offset @offset
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
            $"select count(*) from (select 1 from filing_orders o {Where(visibility, filter)} {Among(filter)} limit @stop) matching",
            Parameters(visibility, filter, new { stop = stop + 1 }), cancellationToken: ct));
        return counted > stop ? new Count(stop, true) : new Count(counted, false);
    }

    /// <summary>
    /// The orders listed: all of them, or a text's matches sorted newest first and joined in that order, so that a
    /// page reads the orders it shows (and those the filters or visibility skip) and stops.
    /// </summary>
    private static string From(Filter filter) => filter.Text is null ? "filing_orders o" :
        $"({Matches} order by created_at desc, id desc) matched join filing_orders o on o.id = matched.id";

    /// <summary>
    /// For the count, which needs no order, the text's matches as an array of ids fetched by key: joining the sorted
    /// matches let the planner hash every task of a reviewer's teams against them.
    /// </summary>
    private static string Among(Filter filter) =>
        filter.Text is null ? "" : $"and o.id = any (array (select id from ({Matches}) found))";

    /// <summary>Newest first; with a text, by the matches' own columns (the same values), so that their order serves.</summary>
    private static string Newest(Filter filter) =>
        filter.Text is null ? "o.created_at desc, o.id desc" : "matched.created_at desc, matched.id desc";

    private static string Where(OrderVisibility visibility, Filter filter) =>
        $"""
        where (@status::text is null or o.status = @status) and (@filingType::text is null or o.filing_type = @filingType)
          and (@province::text is null or o.province = @province)
          and {visibility.Condition}
        """;

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
