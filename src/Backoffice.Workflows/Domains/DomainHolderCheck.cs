using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Domains;

/// <summary>
/// The registrar's word on each domain of an order: the holder must be the subject (a person files a
/// domain they hold, an organisation one it holds), real-name verified (域名实名), and registered beyond
/// the bureau's 20-working-day review. Seeds: Kingsoft 备案限制 (域名实名认证), the return reason
/// domain-holder-mismatch.
/// </summary>
public static class DomainHolderCheck
{
    public const int BureauReviewWorkingDays = 20;

    /// <summary>A domain's verdict; <paramref name="Declared"/> when it rests on the holder the console declared, the registrar not answering.</summary>
    public sealed record Verdict(string Domain, DomainRegistration? Registration, string? Code, bool Declared = false);

    public static Verdict Judge(string domain, DomainRegistration? registration, SubjectIdentity subject, DateOnly lastReviewDay) =>
        new(domain, registration, registration switch
        {
            null => null,
            { RealNameVerified: false } => "domain-not-real-name",
            var r when !subject.Matches(r) => "domain-holder-mismatch",
            var r when r.ExpiresOn <= lastReviewDay => "domain-expires-too-soon",
            _ => null,
        });

    /// <summary>The last day the bureau may still be reviewing an order submitted on <paramref name="today"/>.</summary>
    public static DateOnly LastReviewDay(WorkingCalendar calendar, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(calendar.AddWorkingDays(now, BureauReviewWorkingDays), Clock.ChinaTime.Zone).DateTime);
}

/// <summary>The subject a domain's holder must be: its name and certificate.</summary>
public sealed record SubjectIdentity(string Name, string CertificateType, string CertificateNumber)
{
    public bool Matches(DomainRegistration registration) =>
        registration.HolderName.Trim() == Name.Trim() && registration.CertificateType == CertificateType
        && string.Equals(registration.CertificateNumber.Trim(), CertificateNumber.Trim(), StringComparison.OrdinalIgnoreCase);
}
