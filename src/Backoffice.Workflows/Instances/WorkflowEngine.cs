using System.Data;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Runs one engine step: one transaction on one connection in which the state change, the journal
/// and the Hangfire jobs of its side effects (rows in the same database) commit together, or none
/// of them.
/// </summary>
public sealed class WorkflowEngine(NpgsqlDataSource dataSource, TimeProvider clock, WorkingCalendarStore calendars)
{
    /// <summary>Runs <paramref name="step"/>; commits when it returns Commit = true.</summary>
    public async Task<T> StepAsync<T>(string actor, Func<StepContext, Task<(T Result, bool Commit)>> step, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var context = new StepContext(connection, clock.GetUtcNow(), actor, await calendars.GetAsync(connection, ct), ct);
        var (result, commit) = await step(context);
        if (commit)
        {
            await context.CommitAsync();
        }

        return result;
    }
}
