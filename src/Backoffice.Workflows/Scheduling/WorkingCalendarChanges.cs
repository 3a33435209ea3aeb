using Dapper;
using Npgsql;
using Quartz;

namespace Backoffice.Workflows.Scheduling;

/// <summary>
/// Makes an edit of calendar_days count at once: the calendar kept by this node is dropped, and
/// Quartz's working-day calendar is replaced in its clustered store with its triggers' next fire
/// times recomputed, so every node's working-day schedules follow the new holidays and 调休 days.
/// Every other node drops its kept calendar when the NOTIFY sent here reaches it (<see cref="Database.NodeSignals"/>).
/// </summary>
public sealed class WorkingCalendarChanges(WorkingCalendarStore store, ISchedulerFactory schedulers, NpgsqlDataSource dataSource)
{
    public async Task AppliedAsync(CancellationToken ct)
    {
        store.Invalidate();
        var calendar = new WorkingDayQuartzCalendar();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await FillAsync(calendar, connection, ct);
            await Database.NodeSignals.NotifyAsync(connection, Database.NodeSignals.CalendarChannel, ct);
        }

        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.AddCalendar(WorkingDayQuartzCalendar.Name, calendar, new AddCalendarOptions { Replace = true, UpdateTriggers = true }, ct);
    }

    /// <summary>Fills a Quartz working-day calendar from calendar_days.</summary>
    public static async Task FillAsync(WorkingDayQuartzCalendar calendar, NpgsqlConnection connection, CancellationToken ct)
    {
        var days = await connection.QueryAsync<(DateTime Day, string Kind)>(new CommandDefinition("select day, kind from calendar_days", cancellationToken: ct));
        foreach (var (day, kind) in days)
        {
            (kind == "holiday" ? calendar.Holidays : calendar.Workdays).Add(DateOnly.FromDateTime(day));
        }
    }
}
