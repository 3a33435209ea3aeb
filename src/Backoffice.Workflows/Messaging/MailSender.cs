using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Backoffice.Workflows.Privacy;

namespace Backoffice.Workflows.Messaging;

/// <summary>
/// Sends one e-mail through the configured SMTP server with MailKit: STARTTLS when the server offers
/// it (Smtp:Security), authenticated when an account is set. Throws when the server refuses, so the
/// delivery job is retried. In test mode or a demo run without Smtp:Host the mail is written to the log instead.
/// </summary>
public sealed class MailSender(IOptions<SmtpOptions> options, ILogger<MailSender> logger)
{
    public async Task SendAsync(Guid messageId, string to, string subject, string body, CancellationToken ct)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            logger.LogInformation("E-mail {MessageId} to {Recipient} written to the log: no Smtp:Host (test mode or demo data)", messageId, Mask.Email(to));
            return;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = $"{messageId}@backoffice";
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("E-mail {MessageId} to {Recipient} accepted by {Host}", messageId, Mask.Email(to), smtp.Host);
    }

    /// <summary>Whether Smtp:Security names a MailKit connection security.</summary>
    public static bool IsKnownSecurity(string value) => Enum.TryParse<SecureSocketOptions>(value, out _);
}
