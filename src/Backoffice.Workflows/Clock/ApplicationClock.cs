using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Clock;

/// <summary>
/// The application's time: the system clock plus an offset that only test mode can move
/// (docs/API.md test clock). The offset is kept in the database so it survives a restart, and a move is
/// signalled to every node (<see cref="Database.NodeSignals"/>), which reloads it at once.
/// </summary>
public sealed class ApplicationClock(TimeProvider system) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => ChinaTime.Zone;

    /// <summary>Today's date in China (UTC+8), where working days and ages are counted.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), ChinaTime.Zone).DateTime);

    public async Task LoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticks = await connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition("select offset_ticks from application_clock where id = 1", cancellationToken: cancellationToken));
        Interlocked.Exchange(ref _offsetTicks, ticks ?? 0);
    }

    public async Task AdvanceAsync(NpgsqlConnection connection, TimeSpan by, CancellationToken cancellationToken)
    {
        var ticks = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into application_clock (id, offset_ticks) values (1, @by)
            on conflict (id) do update set offset_ticks = application_clock.offset_ticks + @by
            returning offset_ticks
            """,
            new { by = by.Ticks }, cancellationToken: cancellationToken));
        await Database.NodeSignals.NotifyAsync(connection, Database.NodeSignals.ClockChannel, cancellationToken);
        Interlocked.Exchange(ref _offsetTicks, ticks);
    }
}
