namespace Backoffice.Workflows.Bureau;

/// <summary>
/// The bureau (管局) interface: an order is handed over; SMS-verification and review results come
/// back later as events (POST /api/bureau/events). The real interface is not public.
/// </summary>
public interface IBureauAdapter
{
    Task SubmitAsync(Guid orderId, int attempt, CancellationToken cancellationToken);
}
