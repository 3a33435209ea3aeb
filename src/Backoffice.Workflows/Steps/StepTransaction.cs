using System.Data;
using System.Diagnostics;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Telemetry;
using Npgsql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// Runs one engine step: one transaction on one connection in which the state change, the journal
/// and the Hangfire jobs of its side effects (rows in the same database) commit together, or none
/// of them.
/// </summary>
public sealed class StepTransaction(NpgsqlDataSource dataSource, TimeProvider clock, WorkingCalendarStore calendars)
{
    /// <summary>
    /// Runs <paramref name="step"/>; commits when it returns Commit = true. Traced as one span
    /// (<see cref="EngineTelemetry"/>) tagged with the step's orders, counted and timed.
    /// </summary>
    public async Task<T> StepAsync<T>(string actor, Func<StepContext, Task<(T Result, bool Commit)>> step, CancellationToken ct)
    {
        using var span = EngineTelemetry.Source.StartActivity("engine step");
        var started = Stopwatch.GetTimestamp();
        var committed = false;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var context = new StepContext(connection, clock.GetUtcNow(), actor, await calendars.GetAsync(connection, ct), ct);
            var (result, commit) = await step(context);
            EngineTelemetry.Describe(span, context);
            if (commit)
            {
                await context.CommitAsync();
                committed = true;
            }

            return result;
        }
        finally
        {
            var outcome = new KeyValuePair<string, object?>("committed", committed);
            EngineTelemetry.Steps.Add(1, outcome);
            EngineTelemetry.StepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, outcome);
            span?.SetTag("backoffice.step.committed", committed);
        }
    }
}
