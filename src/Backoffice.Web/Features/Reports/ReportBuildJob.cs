using Backoffice.Reports;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// The Hangfire job that builds one queued workbook into the archive. Safe to run twice: a session
/// advisory lock lets one run build at a time, a build already done or failed is left as it is,
/// and a run that died half-way (still running, nobody holding the lock) starts over. A build that
/// cannot be made is marked failed with its error and not retried. The workbook's rows are read from the replica
/// when one is set; the build's state is kept on the primary.
/// </summary>
public sealed class ReportBuildJob(
    NpgsqlDataSource dataSource, ReadReplica replica, WorkingCalendarStore calendars, TimeProvider clock, ReportBuildCompletion completion,
    IOptions<ArchiveOptions> archive, IOptions<ReportTargets> targets, ILogger<ReportBuildJob> logger)
{
    public async Task RunAsync(Guid buildId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var lockKey = $"report-build:{buildId}";
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select pg_try_advisory_lock(hashtextextended(@lockKey, 0))", new { lockKey }, commandTimeout: 30, cancellationToken: ct)))
        {
            return;
        }

        try
        {
            var build = await connection.QuerySingleOrDefaultAsync<BuildRow>(new CommandDefinition(
                """
                update report_builds set status = 'running', started_at = @now, progress = 0, rows_read = 0
                where id = @buildId and status in ('queued', 'running')
                returning kind, parameters::text as parameters, requested_by
                """,
                new { buildId, now = clock.GetUtcNow() }, commandTimeout: 30, cancellationToken: ct));
            if (build is null)
            {
                return;
            }

            var progress = new ReportBuildProgress(dataSource, clock, buildId);
            try
            {
                var (fileName, content) = await BuildAsync(connection, build, progress, ct);
                await completion.DoneAsync(buildId, fileName, content, progress.Latest.Rows, ct);
                logger.LogInformation("Report build {BuildId} ({Kind}) done: {Bytes} bytes", buildId, build.Kind, content.Length);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Report build {BuildId} ({Kind}) failed", buildId, build.Kind);
                await completion.FailedAsync(buildId, ex.Message, CancellationToken.None);
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "select pg_advisory_unlock(hashtextextended(@lockKey, 0))", new { lockKey }, commandTimeout: 30, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task<(string FileName, byte[] Content)> BuildAsync(
        NpgsqlConnection connection, BuildRow build, ReportBuildProgress progress, CancellationToken ct)
    {
        var parameters = ReportBuildScope.Parse(build.Parameters).For(await ReportAuthor.NameAsync(connection, build.RequestedBy, ct), clock.GetUtcNow())
            with { OrderUrl = archive.Value.OrderUrl, Targets = targets.Value };
        var calendar = await calendars.GetAsync(connection, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = progress.WriteUntilAsync(stop.Token);
        try
        {
            using var output = new MemoryStream();
            await using var source = await replica.OpenConnectionAsync(ct);
            await Report.For(build.Kind).BuildAsync(source, calendar, parameters, output, progress, ct);
            return (Report.FileName(build.Kind, parameters), output.ToArray());
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }
    }

    private sealed record BuildRow
    {
        public string Kind { get; init; } = "";
        public string Parameters { get; init; } = "";
        public string RequestedBy { get; init; } = "";
    }
}
