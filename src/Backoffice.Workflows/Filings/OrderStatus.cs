using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Moves the order's public status from inside a step: the locked row is updated in memory, each
/// change writes its timeline and audit row, and the order row is updated once, to the step's last
/// status, filing numbers, public-security number and bureau attempts, when the step commits.
/// </summary>
public static class OrderStatus
{
    private static readonly RowTable TimelineRows = new("filing_timeline",
        ("order_id", "uuid", typeof(Guid)), ("at", "timestamptz", typeof(DateTimeOffset)), ("status", "text", typeof(string)),
        ("step", "text", typeof(string)), ("actor", "text", typeof(string)), ("note", "text", typeof(string)));

    public static async Task SetAsync(StepContext context, Guid orderId, string status, string? step, string? note = null)
    {
        var order = await context.LockOrderAsync(orderId) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Status == status && note is null)
        {
            return;
        }

        if (order.Status != status)
        {
            OrderEvents.Add(context, order, OrderEvents.StatusChanged, new { status, previousStatus = order.Status, step });
        }

        context.Change(order with { Status = status, UpdatedAt = context.Now }, submitted: status == FilingStatus.Submitted);
        context.Writes.AddRow(TimelineRows, orderId, context.Now, status, step, context.Actor, note);
        AuditLog.Add(context.Writes, context.Now, context.Actor, "status-changed", "filing-order", order.OrderNumber,
            new { from = order.Status, to = status, step, note });
    }

    /// <summary>The order row as the step left it; submitted_at moves when the step submitted it.</summary>
    internal static void Save(StepContext context, FilingOrderRow order, bool submitted) =>
        context.Writes.Add(
            """
            update filing_orders set status = $1, updated_at = $2, row_version = row_version + 1,
                submitted_at = case when $3 then $2 else submitted_at end, subject_filing_number = $4, website_filing_numbers = $5,
                public_security_number = $6, bureau_attempts = $7
            where id = $8
            """, order.Status, context.Now, submitted, DeferredWrites.Nullable(NpgsqlDbType.Text, order.SubjectFilingNumber), order.WebsiteFilingNumbers,
            DeferredWrites.Nullable(NpgsqlDbType.Text, order.PublicSecurityNumber), order.BureauAttempts, order.Id);
}
