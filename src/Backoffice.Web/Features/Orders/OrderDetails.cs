using System.Text.Json;
using Backoffice.Web.Features.Filings;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.HumanTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Everything staff see of one order: the data (personal data masked), materials, timeline, review
/// tasks, returns with their reasons, bureau events and the other orders of the same subject.
/// </summary>
public sealed record OrderDetails(
    FilingOrderRow Order, FilingOrderRequest Body, IReadOnlyList<FilingReads.MaterialEntry> Materials,
    IReadOnlyList<FilingReads.TimelineEntry> Timeline, IReadOnlyList<ReviewTask> Tasks, IReadOnlyList<OrderDetails.BureauEvent> BureauEvents,
    IReadOnlyList<OrderDetails.OtherOrder> SameSubject, IReadOnlyDictionary<string, (string Zh, string En)> Reasons,
    IReadOnlyList<OrderReturns.Entry> ReviewReturns)
{
    public sealed record BureauEvent
    {
        public string Kind { get; init; } = "";
        public string[] ReasonCodes { get; init; } = [];
        public DateTimeOffset ReceivedAt { get; init; }
        public string ReceivedBy { get; init; } = "";
        public bool Applied { get; init; }
        public string? Note { get; init; }
    }

    public sealed record OtherOrder
    {
        public Guid Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string FilingType { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>The returns so far: review tasks completed with "return" and bureau rejections, oldest first.</summary>
    public IEnumerable<(DateTimeOffset At, string Who, string Step, string[] Reasons, string? Comment)> Returns =>
        Tasks.Where(t => t.Outcome == "return" && t.CompletedAt is not null)
            .Select(t => (t.CompletedAt!.Value, t.CompletedBy ?? "", t.Step, t.ReasonCodes, t.Comment))
            .Concat(BureauEvents.Where(e => e.Kind == "rejected" && e.Applied).Select(e => (e.ReceivedAt, e.ReceivedBy, "管局审核", e.ReasonCodes, (string?)null)))
            .OrderBy(r => r.Item1);

    public string ReasonLabel(string code, bool english) =>
        Reasons.TryGetValue(code, out var label) ? (english ? label.En : label.Zh) : code;

    public static async Task<OrderDetails?> LoadAsync(NpgsqlConnection connection, Guid id, bool english, CancellationToken ct)
    {
        var order = await FilingOrders.LoadAsync(connection, null, id, false, ct);
        if (order is null)
        {
            return null;
        }

        var body = JsonSerializer.Deserialize<FilingOrderRequest>(order.Body, JsonBody.Options)!.Masked();
        var tasks = (await connection.QueryAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.order_id = @id order by t.created_at, t.id", new { id }, cancellationToken: ct))).AsList();
        var events = (await connection.QueryAsync<BureauEvent>(new CommandDefinition(
            """
            select kind, coalesce(array(select jsonb_array_elements_text(payload -> 'reasonCodes') where jsonb_typeof(payload -> 'reasonCodes') = 'array'), '{}') as reason_codes,
                   received_at, received_by, applied, note
            from bureau_events where order_id = @id order by received_at
            """, new { id }, cancellationToken: ct))).AsList();
        var same = (await connection.QueryAsync<OtherOrder>(new CommandDefinition(
            """
            select id, order_number, filing_type, status, created_at from filing_orders
            where subject_certificate_number = @number and subject_certificate_type = @type and id <> @id
            order by created_at desc limit 20
            """, new { id, number = order.SubjectCertificateNumber, type = order.SubjectCertificateType }, cancellationToken: ct))).AsList();
        var reasons = (await connection.QueryAsync<(string Code, string Zh, string En)>(new CommandDefinition(
            "select code, label_zh, label_en from reason_codes", cancellationToken: ct))).ToDictionary(r => r.Code, r => (r.Zh, r.En));
        return new OrderDetails(
            order, body, await FilingReads.MaterialsAsync(connection, id, ct), await FilingReads.TimelineAsync(connection, id, english, ct),
            tasks, events, same, reasons, await OrderReturns.LoadAsync(connection, id, ct));
    }
}
