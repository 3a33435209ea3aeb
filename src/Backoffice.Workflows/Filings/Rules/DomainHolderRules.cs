using System.Globalization;
using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>
/// The holders the console declares for a website's domains (websites[i].domainHolders): each names one of the
/// website's domains, at most once, with the holder's name, certificate, registrar and expiry date. Whether the
/// holder is the subject is decided with the registrar's answer (<see cref="DomainHolderCheck"/>).
/// </summary>
public static class DomainHolderRules
{
    public static void Check(ValidationErrors errors, string path, WebsiteInfo website, IReadOnlyList<string> domains)
    {
        if (website.DomainHolders is not { } holders)
        {
            return;
        }

        if (holders.Count > Math.Max(domains.Count, 1))
        {
            errors.Add($"{path}.domainHolders", "too-many", Math.Max(domains.Count, 1));
            return;
        }

        var seen = new HashSet<string>();
        for (var k = 0; k < holders.Count; k++)
        {
            var at = $"{path}.domainHolders[{k}]";
            if (holders[k] is not { } holder)
            {
                errors.Add(at, "required");
                continue;
            }

            if (TextRules.Check(errors, $"{at}.domain", holder.Domain, true, 253))
            {
                var domain = Ascii(holder.Domain!);
                if (!domains.Contains(domain))
                {
                    errors.Add($"{at}.domain", "domain-holder-domain-unknown");
                }
                else if (!seen.Add(domain))
                {
                    errors.Add($"{at}.domain", "domain-holder-duplicate");
                }
            }

            TextRules.Check(errors, $"{at}.name", holder.Name, true, 100);
            TextRules.Choice(errors, $"{at}.certificateType", holder.CertificateType, PersonDocuments.CertificateTypes);
            TextRules.Check(errors, $"{at}.certificateNumber", holder.CertificateNumber, true, 64);
            TextRules.Check(errors, $"{at}.registrar", holder.Registrar, true, 100);
            if (holder.ExpiresOn is null)
            {
                errors.Add($"{at}.expiresOn", "required");
            }
            else if (ExpiresOn(holder) is null)
            {
                errors.Add($"{at}.expiresOn", "date-format");
            }
        }
    }

    /// <summary>The declared holder as a registration, for <see cref="DomainHolderCheck.Judge"/>; null when it is not complete.</summary>
    public static DomainRegistration? AsRegistration(DomainHolderInfo holder) =>
        holder is { Domain: { } domain, Name: { } name, CertificateType: { } type, CertificateNumber: { } number, Registrar: { } registrar }
        && ExpiresOn(holder) is { } expires
            ? new DomainRegistration
            {
                Domain = Ascii(domain), HolderName = name, CertificateType = type, CertificateNumber = number, Registrar = registrar,
                RealNameVerified = true, ExpiresOn = expires,
            }
            : null;

    private static DateOnly? ExpiresOn(DomainHolderInfo holder) =>
        DateOnly.TryParseExact(holder.ExpiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Ascii(string domain) => DomainName.TryNormalize(domain, out var ascii) ? ascii : domain.Trim().ToLowerInvariant();
}
