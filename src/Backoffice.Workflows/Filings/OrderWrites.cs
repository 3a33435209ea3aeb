using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Saves the order row as a step left it: its last status, filing numbers, public-security number and bureau
/// attempts, once per step; submitted_at moves when the step submitted it.
/// </summary>
public sealed record SaveOrder(FilingOrderRow Order, DateTimeOffset At, bool Submitted) : EngineWrite
{
    private const string Sql =
        """
        update filing_orders set status = $1, updated_at = $2, row_version = row_version + 1,
            submitted_at = case when $3 then $2 else submitted_at end, subject_filing_number = $4, website_filing_numbers = $5,
            public_security_number = $6, bureau_attempts = $7
        where id = $8
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, Order.Status, At, Submitted, DeferredWrites.Nullable(NpgsqlDbType.Text, Order.SubjectFilingNumber), Order.WebsiteFilingNumbers,
            DeferredWrites.Nullable(NpgsqlDbType.Text, Order.PublicSecurityNumber), Order.BureauAttempts, Order.Id);
}

/// <summary>A row of the order's timeline (<c>filing_timeline</c>): a status it reached or a change made to it. A step's rows go out as one multi-row insert.</summary>
public sealed record AppendTimeline(Guid OrderId, DateTimeOffset At, string Status, string? Step, string Actor, string? Note) : EngineWrite
{
    private static readonly RowTable Rows = new("filing_timeline",
        ("order_id", "uuid", typeof(Guid)), ("at", "timestamptz", typeof(DateTimeOffset)), ("status", "text", typeof(string)),
        ("step", "text", typeof(string)), ("actor", "text", typeof(string)), ("note", "text", typeof(string)));

    internal override void AddTo(DeferredWrites writes) => writes.AddRow(Rows, OrderId, At, Status, Step, Actor, Note);
}

/// <summary>An event of the console's stream (<c>order_events</c>, <see cref="OrderEvents"/>), its data as JSON.</summary>
public sealed record AppendOrderEvent(Guid Id, string Type, Guid OrderId, DateTimeOffset At, string Data) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) =>
        writes.Add("insert into order_events (id, type, order_id, occurred_at, data) values ($1, $2, $3, $4, $5::jsonb)", Id, Type, OrderId, At, Data);
}
