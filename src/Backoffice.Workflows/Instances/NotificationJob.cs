using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>Delivers one outbox message. Safe to run twice: a message already sent is skipped.</summary>
public sealed class NotificationJob(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<NotificationJob> logger)
{
    public async Task RunAsync(Guid messageId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var sent = await connection.QuerySingleOrDefaultAsync<SentMessage>(new CommandDefinition(
            """
            update outbox_messages m set sent_at = @now where m.id = @messageId and m.sent_at is null
            returning m.channel, m.order_id, (select o.order_number from filing_orders o where o.id = m.order_id) as order_number
            """,
            new { messageId, now = clock.GetUtcNow() }, cancellationToken: ct));
        if (sent is not null)
        {
            using var scope = OrderLog.Scope(logger, sent.OrderId ?? Guid.Empty, sent.OrderNumber);
            logger.LogInformation("Notification {MessageId} sent by {Channel}", messageId, sent.Channel);
        }
    }

    private sealed record SentMessage
    {
        public string Channel { get; init; } = "";
        public Guid? OrderId { get; init; }
        public string? OrderNumber { get; init; }
    }
}
