using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Scheduling;

/// <summary>Loads the calendar from calendar_days (editable by admins); cached until <see cref="Invalidate"/>.</summary>
public sealed class WorkingCalendarStore
{
    private volatile WorkingCalendar? _cached;

    public async Task<WorkingCalendar> GetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_cached is { } calendar)
        {
            return calendar;
        }

        var days = (await connection.QueryAsync<(DateTime Day, string Kind)>(new CommandDefinition(
            "select day, kind from calendar_days", cancellationToken: ct))).ToList();
        calendar = new WorkingCalendar(
            days.Where(d => d.Kind == "holiday").Select(d => DateOnly.FromDateTime(d.Day)).ToHashSet(),
            days.Where(d => d.Kind == "workday").Select(d => DateOnly.FromDateTime(d.Day)).ToHashSet());
        _cached = calendar;
        return calendar;
    }

    public void Invalidate() => _cached = null;
}
