using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Moves the order's public status from inside a step: the locked row is updated in memory, each
/// change writes its timeline and audit row, and the order row is updated once, to the step's last
/// status, filing numbers, public-security number and bureau attempts, when the step commits
/// (<see cref="SaveOrder"/>).
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

        if (order.Status != status)
        {
            OrderEvents.Add(context, order, OrderEvents.StatusChanged, new { status, previousStatus = order.Status, step });
        }

        context.Change(order with { Status = status, UpdatedAt = context.Now }, submitted: status == FilingStatus.Submitted);
        context.Write(new AppendTimeline(orderId, context.Now, status, step, context.Actor, note));
        context.Write(new AppendAudit(context.Now, context.Actor, "status-changed", "filing-order", order.OrderNumber,
            new { from = order.Status, to = status, step, note }));
    }
}
