namespace Backoffice.Workflows.Messaging;

/// <summary>Settings of section "Smtp": the mail server e-mail notifications leave through (docs/OPERATIONS.md).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The server's host name. Required outside test mode and demo data; there, without one, e-mails are written to the log instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Account to authenticate with, when the server asks for one (only over TLS).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. "ICP 备案 &lt;icp@example.com&gt;".</summary>
    public string From { get; set; } = "Backoffice <backoffice@localhost>";

    /// <summary>Connection security: StartTlsWhenAvailable (default: STARTTLS when the server offers it), StartTls (required), SslOnConnect (port 465) or None.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    /// <summary>Seconds an SMTP conversation may take before the delivery fails and Hangfire retries it.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
