using System.Transactions;
using Backoffice.Workflows.Audit;
using Dapper;
using Hangfire;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// Queues builds: the report_builds row, its audit row and the Hangfire job that builds it commit
/// in one transaction (the job's client is enlisted on the same connection), or none of them.
/// </summary>
public sealed class ReportBuilds(NpgsqlDataSource dataSource, TimeProvider clock, ReportJobs jobs)
{
    /// <summary>A build a manager asked for.</summary>
    public async Task<Guid> RequestAsync(string kind, ReportBuildScope scope, string actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        using var transaction = Transaction();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into report_builds (id, kind, parameters, status, requested_by, requested_at)
            values (@id, @kind, @parameters::jsonb, 'queued', @actor, @now)
            """,
            new { id, kind, parameters = scope.ToJson(), actor, now }, commandTimeout: 30, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, null, now, actor, "report-build-requested", "report-build", id.ToString(), new { kind, scope }, ct);
        Enqueue(connection, id);
        transaction.Complete();
        return id;
    }

    /// <summary>
    /// The build of one firing of a subscription, requested by its owner over the days before the
    /// firing. A firing met again (on another node, or retried) finds its build and adds nothing:
    /// null then, as for an inactive or deleted subscription.
    /// </summary>
    public async Task<Guid?> FireAsync(Guid subscriptionId, DateTimeOffset firedAt, CancellationToken ct)
    {
        using var transaction = Transaction();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var subscription = await connection.QuerySingleOrDefaultAsync<FiringRow>(new CommandDefinition(
            """
            select kind, period_days, filing_type, province, team, english, created_by
            from report_subscriptions where id = @subscriptionId and active
            """, new { subscriptionId }, commandTimeout: 30, cancellationToken: ct));
        if (subscription is null)
        {
            return null;
        }

        var (from, to) = ReportBuildScope.PeriodBefore(firedAt, subscription.PeriodDays);
        var scope = new ReportBuildScope(
            subscription.Kind == Backoffice.Reports.Report.PublicSecurity ? to : from, to,
            subscription.FilingType, subscription.Province, subscription.Team, subscription.English);
        var now = clock.GetUtcNow();
        var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            """
            insert into report_builds (id, kind, parameters, status, requested_by, requested_at, subscription_id, fired_at)
            values (@id, @Kind, @parameters::jsonb, 'queued', @CreatedBy, @now, @subscriptionId, @firedAt)
            on conflict (subscription_id, fired_at) do nothing
            returning id
            """,
            new { id = Guid.CreateVersion7(), subscription.Kind, parameters = scope.ToJson(), subscription.CreatedBy, now, subscriptionId, firedAt },
            commandTimeout: 30, cancellationToken: ct));
        if (id is { } created)
        {
            await AuditLog.WriteAsync(connection, null, now, "report-subscription", "report-build-requested", "report-build", created.ToString(),
                new { subscription.Kind, scope, subscriptionId, firedAt, requestedBy = subscription.CreatedBy }, ct);
            Enqueue(connection, created);
        }

        transaction.Complete();
        return id;
    }

    private void Enqueue(NpgsqlConnection connection, Guid buildId) =>
        jobs.Client(connection).Enqueue<ReportBuildJob>(job => job.RunAsync(buildId, CancellationToken.None));

    private static TransactionScope Transaction() => new(
        TransactionScopeOption.RequiresNew,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TimeSpan.FromSeconds(30) },
        TransactionScopeAsyncFlowOption.Enabled);

    private sealed record FiringRow
    {
        public string Kind { get; init; } = "";
        public int PeriodDays { get; init; }
        public string? FilingType { get; init; }
        public string? Province { get; init; }
        public string? Team { get; init; }
        public bool English { get; init; }
        public string CreatedBy { get; init; } = "";
    }
}
