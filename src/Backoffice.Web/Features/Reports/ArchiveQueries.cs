using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>The archive: builds newest first, one build, and a build's file (each download audited).</summary>
public sealed class ArchiveQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns =
        """
        select id, kind, parameters::text as parameters, status, progress, rows_read, requested_by,
               (select u.display_name from users u where u.username = requested_by) as requested_by_name, requested_at, subscription_id,
               started_at, finished_at, file_name, size_bytes, error
        from report_builds
        """;

    public async Task<IReadOnlyList<ArchiveEntry>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ArchiveEntry>(new CommandDefinition(
            Columns + " order by requested_at desc, id desc limit @pageSize offset @skip",
            new { pageSize, skip = (page - 1) * pageSize }, commandTimeout: 30, cancellationToken: ct))).AsList();
    }

    public async Task<ArchiveEntry?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ArchiveEntry>(new CommandDefinition(
            Columns + " where id = @id", new { id }, commandTimeout: 30, cancellationToken: ct));
    }

    /// <summary>A done build's file, its download written to the audit log; null when there is no such file.</summary>
    public async Task<ArchiveFile?> DownloadAsync(Guid id, string actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var file = await connection.QuerySingleOrDefaultAsync<ArchiveFile>(new CommandDefinition(
            "select file_name, content from report_builds where id = @id and status = 'done'",
            new { id }, transaction, commandTimeout: 120, cancellationToken: ct));
        if (file is not null)
        {
            await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), actor, "report-build-downloaded", "report-build", id.ToString(),
                new { file.FileName }, ct);
        }

        await transaction.CommitAsync(ct);
        return file;
    }

    public sealed record ArchiveFile
    {
        public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        public string FileName { get; init; } = "";
        public byte[] Content { get; init; } = [];
    }
}
