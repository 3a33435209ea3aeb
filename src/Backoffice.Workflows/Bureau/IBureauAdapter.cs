namespace Backoffice.Workflows.Bureau;

/// <summary>
/// The bureau (管局) interface: an order is handed over; SMS-verification and review results come
/// back later as events (POST /api/bureau/events). The real interface is not public.
/// </summary>
public interface IBureauAdapter
{
    Task SubmitAsync(BureauSubmission submission, CancellationToken cancellationToken);
}

/// <summary>
/// One hand-over to the bureau: the order, its attempt, and the hash of the filing password the
/// order's type needs (the only place the password, in any form, leaves the order).
/// </summary>
public sealed record BureauSubmission(Guid OrderId, int Attempt, string? FilingPasswordHash);
