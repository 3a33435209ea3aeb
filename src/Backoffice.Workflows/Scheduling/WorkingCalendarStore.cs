using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Scheduling;

/// <summary>
/// Loads the working-day calendar from calendar_days and keeps it. Admins edit the table: the node
/// that saves an edit calls <see cref="Invalidate"/>, and every other node does on the edit's NOTIFY
/// (<see cref="Database.NodeSignals"/>); <see cref="MaxAge"/> bounds a copy's age should a signal be lost.
/// </summary>
public sealed class WorkingCalendarStore(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private long _generation;

    public async Task<WorkingCalendar> GetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        long generation;
        lock (_gate)
        {
            if (_loaded is { } loaded && clock.GetUtcNow() - loaded.At < MaxAge)
            {
                return loaded.Calendar;
            }

            generation = _generation;
        }

        var loadedAt = clock.GetUtcNow();
        var days = (await connection.QueryAsync<CalendarDayRow>(new CommandDefinition(
            "select day, kind from calendar_days", commandTimeout: 30, cancellationToken: ct))).ToList();
        var calendar = new WorkingCalendar(
            days.Where(d => d.Kind == "holiday").Select(d => d.Day),
            days.Where(d => d.Kind == "workday").Select(d => d.Day));
        lock (_gate)
        {
            if (_generation == generation)
            {
                _loaded = new Loaded(calendar, loadedAt);
            }
        }

        return calendar;
    }

    /// <summary>Drops the kept calendar; a load that started before this call does not bring it back.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _loaded = null;
        }
    }

    private sealed record Loaded(WorkingCalendar Calendar, DateTimeOffset At);

    private sealed record CalendarDayRow(DateOnly Day, string Kind);
}
