using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Messaging;
using Dapper;
using Hangfire.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Messaging;

/// <summary>
/// Delivers one outbox message: e-mail through SMTP, SMS through the SMS gateway, staff notices are
/// read in the app. The message row stays locked while it is handed over and is marked sent in the
/// same transaction, so a failed hand-over leaves it unsent for Hangfire's retry. Safe to run twice:
/// a message already sent is skipped (a crash between the hand-over and the commit sends it again).
/// </summary>
public sealed class NotificationJob(NpgsqlDataSource dataSource, TimeProvider clock, MailSender mail, ISmsGateway sms, ILogger<NotificationJob> logger)
{
    /// <summary>The job's type name in Hangfire's rows of the jobs queued while it lived in the Instances namespace.</summary>
    public const string FormerTypeName = "Backoffice.Workflows.Instances.NotificationJob";

    /// <summary>Hangfire's type resolver: a job queued under the former name runs this job; any other name resolves as Hangfire's default does.</summary>
    public static Type ResolveJobType(string name) =>
        name.Split(',')[0].Trim() == FormerTypeName ? typeof(NotificationJob) : TypeHelper.DefaultTypeResolver(name);

    public async Task RunAsync(Guid messageId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var message = await connection.QuerySingleOrDefaultAsync<OutboxMessage>(new CommandDefinition(
            """
            select m.channel, m.recipient, m.template, m.body, m.order_id,
                   (select o.order_number from filing_orders o where o.id = m.order_id) as order_number
            from outbox_messages m where m.id = @messageId and m.sent_at is null
            for update of m skip locked
            """,
            new { messageId }, transaction, cancellationToken: ct));
        if (message is null)
        {
            return;
        }

        using var scope = OrderLog.Scope(logger, message.OrderId ?? Guid.Empty, message.OrderNumber);
        await DeliverAsync(messageId, message, ct);
        await new MarkMessageSent(messageId, clock.GetUtcNow()).RunAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Notification {MessageId} sent by {Channel}", messageId, message.Channel);
    }

    private Task DeliverAsync(Guid messageId, OutboxMessage message, CancellationToken ct)
    {
        switch (message.Channel)
        {
            case "email" when message.Recipient.Contains('@', StringComparison.Ordinal):
                return mail.SendAsync(messageId, message.Recipient, Subject(message), message.Body, ct);
            case "sms" when message.Recipient.Length > 0:
                return sms.SendAsync(messageId, message.Recipient, message.Body, ct);
            case "email" or "sms":
                logger.LogWarning("Notification {MessageId} by {Channel} has no recipient and is not sent", messageId, message.Channel);
                return Task.CompletedTask;
            default:
                return Task.CompletedTask;
        }
    }

    private static string Subject(OutboxMessage message) => message.Template switch
    {
        "sla-escalation" => $"【超时提醒】订单 {message.OrderNumber}",
        "report-ready" => "【报表】订阅的报表已生成",
        _ when message.OrderNumber is not null => $"【ICP 备案】订单 {message.OrderNumber}",
        _ => "【ICP 备案】通知",
    };

    private sealed record OutboxMessage
    {
        public string Channel { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Template { get; init; } = "";
        public string Body { get; init; } = "";
        public Guid? OrderId { get; init; }
        public string? OrderNumber { get; init; }
    }
}
