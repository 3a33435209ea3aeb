using Backoffice.Reports;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// A running build's progress: the report reports into it as it reads, and it is written to the
/// build's row at most once per <see cref="Interval"/> on a connection of its own (the report's
/// connection is busy streaming rows).
/// </summary>
public sealed class ReportBuildProgress(NpgsqlDataSource dataSource, TimeProvider clock, Guid buildId) : IProgress<ReportProgress>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private ReportProgress _latest = new(0, 0);

    public ReportProgress Latest => Volatile.Read(ref _latest);

    public void Report(ReportProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>Writes the latest progress every interval until <paramref name="stop"/> is cancelled.</summary>
    public async Task WriteUntilAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var written = Latest;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var latest = Latest;
                if (latest == written)
                {
                    continue;
                }

                await using var connection = await dataSource.OpenConnectionAsync(stop);
                await connection.ExecuteAsync(new CommandDefinition(
                    "update report_builds set progress = @Percent, rows_read = @Rows where id = @buildId and status = 'running'",
                    new { latest.Percent, latest.Rows, buildId }, commandTimeout: 30, cancellationToken: stop));
                written = latest;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
