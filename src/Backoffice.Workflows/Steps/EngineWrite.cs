using Npgsql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// A named write of the engine (start or save an instance, create or consume a bookmark, open a task, append to
/// the journal, the timeline or the audit log, save the order): it owns its SQL and its values. A step sends it
/// with its other writes and the COMMIT (<see cref="StepContext.Write"/>); outside a step it runs at once
/// (<see cref="RunAsync"/>) as a batch of one: the same statement either way.
/// </summary>
public abstract record EngineWrite
{
    /// <summary>Adds the write's statement, or its row of a multi-row insert, to <paramref name="writes"/>.</summary>
    internal abstract void AddTo(DeferredWrites writes);

    /// <summary>Runs the write now, in <paramref name="transaction"/> when there is one: one round trip.</summary>
    public Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var writes = new DeferredWrites();
        writes.Add(this);
        return writes.FlushAsync(connection, transaction, commit: false, ct);
    }
}
