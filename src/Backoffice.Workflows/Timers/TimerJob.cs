namespace Backoffice.Workflows.Timers;

/// <summary>
/// The Hangfire job scheduled for a timer when its wait begins, in the same transaction: at the due
/// time it fires the timer. Firing is idempotent (the bookmark is consumed once), and a job that runs
/// early (the application clock behind) does nothing and leaves the timer to the sweep. Its lines
/// carry the order's number (<see cref="TimerSweep.FireAsync"/> runs in the order's log scope).
/// </summary>
public sealed class TimerJob(TimerSweep sweep)
{
    public Task RunAsync(Guid bookmarkId, Guid orderId, CancellationToken ct) => sweep.FireAsync(bookmarkId, orderId, ct);
}
