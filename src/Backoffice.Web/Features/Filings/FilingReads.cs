using System.Text.Json;
using Backoffice.Web.Features.Orders;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// GET /api/filings/{id} (with its timeline and materials, personal data masked) and GET /api/filings, over the
/// orders the caller sees (<see cref="OrderVisibility"/>; the console sees all).
/// </summary>
public static class FilingReads
{
    public sealed record TimelineEntry
    {
        public DateTimeOffset At { get; init; }
        public string? Status { get; init; }
        public string? StatusLabel { get; init; }
        public string? Step { get; init; }
        public string Actor { get; init; } = "";
        public string? Note { get; init; }
    }

    public sealed record MaterialEntry
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public int? WebsiteIndex { get; init; }
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public int SizeBytes { get; init; }
        public DateTimeOffset UploadedAt { get; init; }
    }

    public sealed record FilingDetail(
        Guid Id, string OrderNumber, string FilingType, string Status, string StatusLabel, string Province,
        string? VerificationMethod, SubjectInfo? Subject, IReadOnlyList<WebsiteInfo?>? Websites, string? SubjectFilingNumber,
        string[] WebsiteFilingNumbers, string? PublicSecurityNumber, IReadOnlyList<MaterialEntry> Materials, IReadOnlyList<TimelineEntry> Timeline,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, bool FilingPasswordSet,
        IReadOnlyList<OrderReturns.Entry> Returns, AccountInfo? Account);

    public sealed record FilingSummary
    {
        public Guid Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string FilingType { get; init; } = "";
        public string Status { get; init; } = "";
        public string StatusLabel { get; init; } = "";
        public string Province { get; init; } = "";
        public string SubjectName { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    /// <summary>A page of orders; when TotalCapped, Total is a lower bound (<see cref="OrderSearch.CountCap"/>).</summary>
    public sealed record FilingPage(IReadOnlyList<FilingSummary> Items, long Total, bool TotalCapped, int Page, int PageSize);

    public static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var visible = await (await OrderVisibility.ForAsync(context.User, connection, ct)).CanSeeAsync(connection, id, ct);
        var order = visible ? await FilingOrders.LoadAsync(connection, null, id, false, ct) : null;
        if (order is null)
        {
            return Problems.NotFound(context);
        }

        var english = context.IsEnglish();
        var timeline = await TimelineAsync(connection, id, english, ct);
        var materials = await MaterialsAsync(connection, id, ct);
        var body = JsonSerializer.Deserialize<FilingOrderRequest>(order.Body, JsonBody.Options)!.Masked();
        string[] websiteNumbers = order.WebsiteFilingNumbers.Length > 0 ? order.WebsiteFilingNumbers
            : order.WebsiteFilingNumber is null ? [] : [order.WebsiteFilingNumber];
        return Results.Ok(new FilingDetail(
            order.Id, order.OrderNumber, order.FilingType, order.Status, Label(order.Status, english), order.Province,
            order.VerificationMethod, body.Subject, body.Websites, order.SubjectFilingNumber, websiteNumbers, order.PublicSecurityNumber, materials, timeline,
            order.CreatedAt, order.UpdatedAt, order.SubmittedAt, await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select filing_password_hash is not null from filing_orders where id = @id", new { id }, cancellationToken: ct)),
            await OrderReturns.LoadAsync(connection, id, ct), body.Account));
    }

    /// <summary>
    /// Status changes and executed workflow steps of an order, oldest first. The journal is read through
    /// the order's instances: it is indexed by instance, not by order.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(NpgsqlConnection connection, Guid id, bool english, CancellationToken ct) =>
        (await connection.QueryAsync<TimelineEntry>(new CommandDefinition(
            """
            select at, status, step, actor, note from (
                select at, status, step, actor, note, 0 as source, id from filing_timeline where order_id = @id
                union all
                select at, null, coalesce(activity_name, activity_id), actor,
                       concat_ws(': ', outcome, note), 1, id from workflow_journal
                where instance_id in (select i.id from workflow_instances i where i.order_id = @id)) entries
            order by at, source, id
            """,
            new { id }, cancellationToken: ct))).Select(t => t with { StatusLabel = t.Status is null ? null : Label(t.Status, english) }).ToList();

    public static async Task<IReadOnlyList<MaterialEntry>> MaterialsAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<MaterialEntry>(new CommandDefinition(
            "select id, kind, website_index, file_name, content_type, size_bytes, uploaded_at from filing_materials where order_id = @id order by uploaded_at",
            new { id }, cancellationToken: ct))).AsList();

    /// <summary>
    /// GET /api/filings: the order search of the /orders page (<see cref="OrderSearch"/>, same text <c>q</c> and filters)
    /// a page at a time, read from the replica when one is set; <c>total</c> is counted up to <see cref="OrderSearch.CountCap"/> past the page's start.
    /// </summary>
    public static async Task<IResult> ListAsync(
        HttpContext context, ReadReplica replica, string? q, string? status, string? filingType, string? province, int? page, int? pageSize)
    {
        var text = q?.Trim();
        var errors = new ValidationErrors();
        if (text is { Length: > OrderSearch.MaxTextLength }) errors.Add("q", "too-long", OrderSearch.MaxTextLength);
        if (status is not null && !FilingStatus.IsKnown(status)) errors.Add("status", "invalid-choice", string.Join(", ", FilingStatus.Labels.Keys));
        if (filingType is not null && !FilingType.IsKnown(filingType)) errors.Add("filingType", "invalid-choice", string.Join(", ", FilingType.Labels.Keys));
        if (province is not null && !Provinces.IsKnown(province)) errors.Add("province", "province-unknown");
        if (page is < 1 or > 100_000) errors.Add("page", "page-range");
        if (pageSize is < 1 or > 100) errors.Add("pageSize", "page-size-range");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var filter = new OrderSearch.Filter(string.IsNullOrEmpty(text) ? null : text, status, filingType, province, page ?? 1, pageSize ?? 20);
        if (FilterText.MatchesNothing(filter.Text))
        {
            return Results.Ok(new FilingPage([], 0, false, filter.Page, filter.Size));
        }

        var ct = context.RequestAborted;
        await using var connection = await replica.OpenConnectionAsync(ct);
        var visibility = await OrderVisibility.ForAsync(context.User, connection, ct);
        var (rows, _) = await OrderSearch.RunAsync(connection, visibility, filter, ct);
        var count = await OrderSearch.CountAsync(connection, visibility, filter, ct);
        var english = context.IsEnglish();
        var items = rows.Select(r => new FilingSummary
        {
            Id = r.Id, OrderNumber = r.OrderNumber, FilingType = r.FilingType, Status = r.Status, StatusLabel = Label(r.Status, english),
            Province = r.Province, SubjectName = r.SubjectName, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        }).ToList();
        return Results.Ok(new FilingPage(items, count.Total, count.Capped, filter.Page, filter.Size));
    }

    public static string Label(string status, bool english) => LabelCatalogue.Of(LabelSet.Status, status, english);
}
