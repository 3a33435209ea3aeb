using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Moves the order's public status from inside a step: the locked row is updated in memory and
/// the update, its timeline row and its audit row go out with the step's writes.
/// </summary>
public static class OrderStatus
{
    public static async Task SetAsync(StepContext context, Guid orderId, string status, string? step, string? note = null)
    {
        var order = await context.LockOrderAsync(orderId) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Status == status && note is null)
        {
            return;
        }

        context.Orders[orderId] = order with { Status = status, RowVersion = order.RowVersion + 1, UpdatedAt = context.Now };
        context.Writes.Add(
            """
            update filing_orders set status = $1, updated_at = $2, row_version = row_version + 1,
                submitted_at = case when $1 = 'submitted' then $2 else submitted_at end
            where id = $3
            """, status, context.Now, orderId);
        context.Writes.Add(
            "insert into filing_timeline (order_id, at, status, step, actor, note) values ($1, $2, $3, $4, $5, $6)",
            orderId, context.Now, status, step, context.Actor, note);
        AuditLog.Add(context.Writes, context.Now, context.Actor, "status-changed", "filing-order", order.OrderNumber,
            new { from = order.Status, to = status, step, note });
    }
}
