using System.Transactions;
using Backoffice.Reports;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// Ends a build: the file kept in the archive, or the error. A subscription's build, once done,
/// e-mails each of its recipients through the outbox in the same transaction, with the link to
/// the archive entry; the deliveries are Hangfire jobs enlisted there too.
/// </summary>
public sealed class ReportBuildCompletion(NpgsqlDataSource dataSource, TimeProvider clock, ReportJobs jobs, IOptions<ArchiveOptions> archive)
{
    public async Task DoneAsync(Guid buildId, string fileName, byte[] content, long rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        using var transaction = new TransactionScope(
            TransactionScopeOption.RequiresNew,
            new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TimeSpan.FromMinutes(2) },
            TransactionScopeAsyncFlowOption.Enabled);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var done = await connection.QuerySingleOrDefaultAsync<DoneRow>(new CommandDefinition(
            """
            update report_builds set status = 'done', progress = 100, rows_read = @rows, finished_at = @now,
                file_name = @fileName, size_bytes = @size, content = @content, error = null
            where id = @buildId and status = 'running'
            returning kind, parameters::text as parameters, subscription_id
            """,
            new { buildId, rows, now, fileName, size = (long)content.Length, content }, commandTimeout: 120, cancellationToken: ct));
        if (done is null)
        {
            return;
        }

        await AuditLog.WriteAsync(connection, null, now, "report-build", "report-build-done", "report-build", buildId.ToString(),
            new { done.Kind, fileName, size = content.Length, rows }, ct);
        if (done.SubscriptionId is { } subscriptionId)
        {
            var scope = ReportBuildScope.Parse(done.Parameters);
            var messages = await connection.QueryAsync<Guid>(new CommandDefinition(
                """
                insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
                select gen_random_uuid(), null, 'email', r.recipient, 'report-ready', @body, @now
                from report_subscriptions s cross join unnest(s.recipients) r(recipient)
                where s.id = @subscriptionId
                returning id
                """,
                new { subscriptionId, now, body = Mail(done.Kind, scope, fileName, buildId) }, commandTimeout: 30, cancellationToken: ct));
            var client = jobs.Client(connection);
            foreach (var message in messages)
            {
                client.Enqueue<NotificationJob>(job => job.RunAsync(message, CancellationToken.None));
            }
        }

        transaction.Complete();
    }

    public async Task FailedAsync(Guid buildId, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var failed = await connection.ExecuteAsync(new CommandDefinition(
            """
            update report_builds set status = 'failed', finished_at = @now, error = @error, content = null
            where id = @buildId and status = 'running'
            """,
            new { buildId, now, error = error.Length > 2000 ? error[..2000] : error }, transaction, commandTimeout: 30, cancellationToken: ct));
        if (failed == 1)
        {
            await AuditLog.WriteAsync(connection, transaction, now, "report-build", "report-build-failed", "report-build", buildId.ToString(), new { error }, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private string Mail(string kind, ReportBuildScope scope, string fileName, Guid buildId)
    {
        var title = Report.Title(kind, scope.English);
        var period = scope.From == scope.To ? $"{scope.To:yyyy-MM-dd}" : $"{scope.From:yyyy-MM-dd} ~ {scope.To:yyyy-MM-dd}";
        var link = archive.Value.LinkTo(buildId);
        return scope.English
            ? $"The report \"{title}\" ({period}) is ready: {fileName}. Download it from the archive: {link}"
            : $"管理报表「{title}」（{period}）已生成：{fileName}。请到报表归档下载：{link}";
    }

    private sealed record DoneRow
    {
        public string Kind { get; init; } = "";
        public string Parameters { get; init; } = "";
        public Guid? SubscriptionId { get; init; }
    }
}
