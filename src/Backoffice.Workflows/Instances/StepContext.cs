using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// What one engine step runs with: the connection enlisted in the step's transaction, the time of
/// the step, who caused it, the working-day calendar and the side-effect queue of this transaction.
/// </summary>
public sealed record StepContext(
    NpgsqlConnection Connection, DateTimeOffset Now, string Actor, WorkingCalendar Calendar, ISideEffects SideEffects,
    CancellationToken CancellationToken);

/// <summary>Side effects enqueued in the step's own transaction: they happen once if it commits, never if not.</summary>
public interface ISideEffects
{
    void SubmitToBureau(Guid orderId, int attempt);

    void SendNotification(Guid messageId);
}
