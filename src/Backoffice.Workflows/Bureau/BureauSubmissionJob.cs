using Backoffice.Workflows.Instances;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Bureau;

/// <summary>Hands one submission to the bureau adapter. Safe to run twice: a submission already sent is skipped.</summary>
public sealed class BureauSubmissionJob(NpgsqlDataSource dataSource, IBureauAdapter bureau, TimeProvider clock, ILogger<BureauSubmissionJob> logger)
{
    public async Task RunAsync(Guid orderId, int attempt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        using var scope = OrderLog.Scope(logger, orderId, await OrderLog.NumberAsync(connection, orderId, ct));
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "update bureau_submissions set sent_at = @now where order_id = @orderId and attempt = @attempt and sent_at is null",
            new { orderId, attempt, now = clock.GetUtcNow() }, transaction, cancellationToken: ct));
        if (claimed == 1)
        {
            await bureau.SubmitAsync(orderId, attempt, ct);
        }

        await transaction.CommitAsync(ct);
    }
}
