using Backoffice.Workflows.Filings;

namespace Backoffice.Workflows.Instances;

/// <summary>Moves the order's public status from inside a step (timeline and audit included).</summary>
public static class OrderStatus
{
    public static async Task SetAsync(StepContext context, Guid orderId, string status, string? step, string? note = null)
    {
        var order = await FilingOrders.LoadAsync(context.Connection, null, orderId, true, context.CancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Status == status && note is null)
        {
            return;
        }

        if (!await FilingOrders.ChangeStatusAsync(context.Connection, null, order, status, context.Now, context.Actor, step, note, context.CancellationToken))
        {
            throw new ConcurrentStepException(orderId);
        }
    }
}
