using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Workflows.Messaging;

public static class MessagingExtensions
{
    /// <summary>E-mail through SMTP (section "Smtp", required outside test mode and demo data) and SMS through the simulator's adapter.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => MailSender.IsKnownSecurity(o.Security), "Smtp:Security is StartTlsWhenAvailable, StartTls, SslOnConnect or None.")
            .Validate(o => o.Port is > 0 and < 65536 && o.TimeoutSeconds is > 0 and <= 300, "Smtp:Port is a port and Smtp:TimeoutSeconds 1 to 300.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().Validate<Microsoft.Extensions.Options.IOptions<BackofficeOptions>>(
            (smtp, backoffice) => backoffice.Value.TestMode || backoffice.Value.DemoData || !string.IsNullOrWhiteSpace(smtp.Host),
            "Smtp:Host is not set: e-mail notifications (SLA escalations, report subscriptions, applicants' notices) need the mail server they leave through.");
        services.AddSingleton<MailSender>();
        services.AddSingleton<ISmsGateway, SmsSimulator>();
        return services;
    }
}
