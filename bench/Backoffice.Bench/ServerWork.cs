using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// What the database server did meanwhile: its processor time (<see cref="ServerCpu"/>, when readable) and,
/// from pg_stat_wal, the write-ahead log it wrote, the full-page images in it, and how many times it was
/// flushed to disk (each COMMIT waits for one; commits that wait together share it).
/// </summary>
public sealed record ServerWork(TimeSpan? Cpu, long Flushes, long FullPages, long WalBytes)
{
    public static async Task<ServerWork> ReadAsync(NpgsqlDataSource dataSource, ServerCpu? cpu)
    {
        await using var command = dataSource.CreateCommand("select wal_sync, wal_fpi, wal_bytes::bigint from pg_stat_wal");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ServerWork(cpu?.Reading(), reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public static ServerWork operator -(ServerWork a, ServerWork b) =>
        new(a.Cpu - b.Cpu, a.Flushes - b.Flushes, a.FullPages - b.FullPages, a.WalBytes - b.WalBytes);
}
