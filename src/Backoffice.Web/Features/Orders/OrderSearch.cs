using System.Globalization;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Order search for staff (the /orders page and GET /api/filings): one text (order number, subject certificate
/// number, the beginning of the subject's name, or a domain) and filters, newest first, among the orders the
/// caller sees. Each text match is its own indexed lookup, filtered there and cut at the page's end: a name's
/// beginning shared by a hundred thousand subjects yields the page's newest (walking filing_orders_newest, db/0082,
/// or sorting the name index's entries with their created_at, db/0100, whichever the planner expects to read less),
/// not every match; only the page's orders are then read by key. Without a text the list walks (created_at, id)
/// newest first.
/// </summary>
public static class OrderSearch
{
    public const int PageSize = 50;

    /// <summary>How far past the start of a page <see cref="CountAsync"/> counts: beyond it the count is a lower bound.</summary>
    public const int CountCap = 1000;

    public const int MaxTextLength = 100;

    /// <summary>
    /// The orders a text matches that pass the filters and the caller's visibility, each lookup indexed and cut at
    /// @stop newest first; their union holds the first @stop of all matches. {0} is the filter condition, {1} the
    /// columns, {2} the order and cut ("" for none).
    /// </summary>
    private const string Matches =
        """
        (select {1} from filing_orders o where o.order_number = @text and {0} {2})
        union (select {1} from filing_orders o where o.subject_certificate_number = @text and {0} {2})
        union (select {1} from filing_orders o where o.subject_name like @prefix and {0} {2})
        union (select {1} from filing_orders o
               where o.id = any (array (select order_id from filing_websites where domains @> array[lower(@text)])) and {0} {2})
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
            from {From(visibility, filter)} {(filter.Text is null ? Where(visibility) : "")}
            order by {Newest(filter)} limit @limit offset @offset
            """,
            Parameters(visibility, filter, new { limit = filter.Size + 1, offset = filter.Offset, stop = filter.Offset + filter.Size + 1 }),
            cancellationToken: ct))).AsList();
        var more = rows.Count > filter.Size;
        return (more ? rows[..filter.Size] : rows, more);
    }

    /// <summary>
    /// Counts the matching orders, stopping <see cref="CountCap"/> past the page's start: a count of every order a
    /// reviewer sees would read them all (a million orders, a task look-up each), however few are shown. A text's
    /// matches are counted from their lookups, each cut there (a name's from the name index, no order row read unless a
    /// filter needs it), a reviewer's checked order by order until the cap.
    /// </summary>
    public static async Task<Count> CountAsync(NpgsqlConnection connection, OrderVisibility visibility, Filter filter, CancellationToken ct)
    {
        var stop = filter.Offset + CountCap;
        var matching = filter.Text is null
            ? $"select 1 from filing_orders o {Where(visibility)} limit @stop"
            : string.Format(CultureInfo.InvariantCulture, Matches, Condition(visibility.ConditionPerOrder), "o.id", "limit @stop");
        var counted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"select count(*) from ({matching}) matching",
            Parameters(visibility, filter, new { stop = stop + 1 }), cancellationToken: ct));
        return counted > stop ? new Count(stop, true) : new Count(counted, false);
    }

    /// <summary>
    /// The orders listed: all of them, or the first @stop of a text's matches (filtered in their lookups) joined to their
    /// orders, at most four lookups' worth, so that a page reads about the orders it shows and stops.
    /// </summary>
    private static string From(OrderVisibility visibility, Filter filter) => filter.Text is null ? "filing_orders o" :
        $"({string.Format(CultureInfo.InvariantCulture, Matches, Condition(visibility.Condition), "o.id, o.created_at", "order by o.created_at desc, o.id desc limit @stop")}) matched join filing_orders o on o.id = matched.id";

    /// <summary>Newest first; with a text, by the matches' own columns (the same values), so that their order serves.</summary>
    private static string Newest(Filter filter) =>
        filter.Text is null ? "o.created_at desc, o.id desc" : "matched.created_at desc, matched.id desc";

    private static string Where(OrderVisibility visibility) => $"where {Condition(visibility.Condition)}";

    /// <summary>The filters and the caller's visibility (<see cref="OrderVisibility.Condition"/> or its look-up per order).</summary>
    private static string Condition(string visible) =>
        $"""
        (@status::text is null or o.status = @status) and (@filingType::text is null or o.filing_type = @filingType)
          and (@province::text is null or o.province = @province)
          and {visible}
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
