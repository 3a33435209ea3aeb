using Backoffice.Workflows.Filings;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Bureau;

/// <summary>Hands one submission to the bureau adapter. Safe to run twice: a submission already sent is skipped.</summary>
public sealed class BureauSubmissionJob(NpgsqlDataSource dataSource, IBureauAdapter bureau, TimeProvider clock, ILogger<BureauSubmissionJob> logger)
{
    private sealed record Claimed(string? FilingPasswordHash);

    public async Task RunAsync(Guid orderId, int attempt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        using var scope = OrderLog.Scope(logger, orderId, await OrderLog.NumberAsync(connection, orderId, ct));
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claimed = await connection.QuerySingleOrDefaultAsync<Claimed>(new CommandDefinition(
            """
            update bureau_submissions s set sent_at = @now from filing_orders o
            where s.order_id = @orderId and s.attempt = @attempt and s.sent_at is null and o.id = s.order_id
            returning o.filing_password_hash as "FilingPasswordHash"
            """,
            new { orderId, attempt, now = clock.GetUtcNow() }, transaction, cancellationToken: ct));
        if (claimed is not null)
        {
            await bureau.SubmitAsync(new BureauSubmission(orderId, attempt, claimed.FilingPasswordHash), ct);
        }

        await transaction.CommitAsync(ct);
    }
}
