using System.Text.Json;
using Backoffice.Web.Features.Filings;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ReviewTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Everything staff see of one order: the data (personal data masked), materials, timeline, review
/// tasks, returns with their reasons, bureau events and the other orders of the same subject; people
/// by their display names.
/// </summary>
public sealed record OrderDetails(
    FilingOrderRow Order, FilingOrderRequest Body, IReadOnlyList<FilingReads.MaterialEntry> Materials,
    IReadOnlyList<ReviewTask> Tasks, IReadOnlyList<OrderDetails.BureauEvent> BureauEvents,
    IReadOnlyList<OrderDetails.OtherOrder> SameSubject, ReasonLabels ReasonNames, IReadOnlyList<string> WarningCodes)
{
    /// <summary>The returns by review with their items and the order's data as returned (<see cref="Resubmission"/>).</summary>
    public IReadOnlyList<OrderReturns.Entry> ReviewReturns { get; init; } = [];

    /// <summary>The display names of everyone the order's tasks and events name.</summary>
    public StaffNames Names { get; init; } = StaffNames.None;

    /// <summary>The registrar's word on each domain of the order, judged against the subject.</summary>
    public IReadOnlyList<DomainHolderCheck.Verdict> DomainVerdicts { get; init; } = [];

    /// <summary>The filed subject and website the order acts on, when it names them by filing number only.</summary>
    public RegistryTarget? Target { get; init; }

    public OrderTimeline History { get; init; } = null!;

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

    /// <summary>
    /// The returns so far: review tasks completed with "return" (by their step's name) and bureau rejections (by the
    /// catalogue's label of the bureau event), oldest first.
    /// </summary>
    public IEnumerable<(DateTimeOffset At, string Who, string Step, string[] Reasons, string? Comment)> Returns(bool english) =>
        Tasks.Where(t => t.Outcome == "return" && t.CompletedAt is not null)
            .Select(t => (t.CompletedAt!.Value, t.CompletedBy ?? "", t.Step, t.ReasonCodes, t.Comment))
            .Concat(BureauEvents.Where(e => e.Kind == "rejected" && e.Applied).Select(e => (e.ReceivedAt, e.ReceivedBy, LabelCatalogue.Of(LabelSet.BureauEvent, e.Kind, english), e.ReasonCodes, (string?)null)))
            .OrderBy(r => r.Item1);

    /// <summary>The order as staff see it; <paramref name="technical"/> adds the engine's journal (compliance and admins),
    /// <paramref name="checks"/> the warnings and domain verdicts.</summary>
    public static async Task<OrderDetails?> LoadAsync(NpgsqlConnection connection, Guid id, bool english, bool technical, OrderChecks checks, CancellationToken ct)
    {
        var order = await FilingOrders.LoadAsync(connection, null, id, false, ct);
        if (order is null)
        {
            return null;
        }

        var unmasked = JsonSerializer.Deserialize<FilingOrderRequest>(order.Body, JsonBody.Options)!;
        var body = unmasked.Masked();
        var tasks = await ReviewTaskStore.OfOrderAsync(connection, id, ct);
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
        var details = new OrderDetails(
            order, body, await FilingReads.MaterialsAsync(connection, id, ct), tasks, events, same, await ReasonLabels.LoadAsync(connection, ct),
            await checks.WarningsAsync(connection, order, ct))
        {
            DomainVerdicts = await checks.DomainVerdictsAsync(connection, order, unmasked, ct),
            Target = await checks.TargetAsync(connection, order, body, ct),
        };
        var names = await StaffNames.LoadAsync(
            connection, tasks.SelectMany(t => new[] { t.Assignee, t.CompletedBy }).Concat(events.Select(e => e.ReceivedBy)), ct);
        details = details with { Names = names, ReviewReturns = await OrderReturns.LoadAsync(connection, id, ct) };
        return details with { History = await OrderTimeline.LoadAsync(connection, details, names, english, technical, ct) };
    }
}
