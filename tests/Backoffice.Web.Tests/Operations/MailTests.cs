using System.Net;
using System.Net.Sockets;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Tests.Operations;

/// <summary>E-mail notifications leave the app through the configured SMTP server; one the server did not take stays unsent.</summary>
public sealed class MailTests
{
    [Fact]
    public async Task An_email_notification_reaches_the_smtp_server_and_is_marked_sent()
    {
        var recipient = $"lead-{Guid.NewGuid():N}@example.com";
        var messageId = await OutboxEmailAsync(recipient, "订单 ICP-TEST 的“初审”已超时，处理人：审核员甲");

        TestApp.Instance.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationJob>(j => j.RunAsync(messageId, CancellationToken.None));
        var mail = await SmtpCatcher.Shared.WaitForAsync(recipient, TimeSpan.FromSeconds(30));

        Assert.NotNull(mail);
        Assert.Contains("订单 ICP-TEST 的“初审”已超时", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("【超时提醒】", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"{messageId}@backoffice", mail.MessageId);
        Assert.True(await SentAsync(messageId));
    }

    [Fact]
    public async Task An_email_the_smtp_server_could_not_take_stays_unsent_for_the_retry()
    {
        var recipient = $"lead-{Guid.NewGuid():N}@example.com";
        var messageId = await OutboxEmailAsync(recipient, "无法投递");
        var unreachable = new MailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort() }), NullLogger<MailSender>.Instance);
        var job = new NotificationJob(TestApp.Instance.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System, unreachable,
            new SmsSimulator(NullLogger<SmsSimulator>.Instance), NullLogger<NotificationJob>.Instance);

        await Assert.ThrowsAnyAsync<SocketException>(() => job.RunAsync(messageId, CancellationToken.None));

        Assert.False(await SentAsync(messageId));
    }

    private static async Task<Guid> OutboxEmailAsync(string recipient, string body)
    {
        var id = Guid.NewGuid();
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(
            "insert into outbox_messages (id, channel, recipient, template, body, created_at) values (@id, 'email', @recipient, 'sla-escalation', @body, now())",
            new { id, recipient, body });
        return id;
    }

    private static async Task<bool> SentAsync(Guid id)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<bool>("select sent_at is not null from outbox_messages where id = @id", new { id });
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
