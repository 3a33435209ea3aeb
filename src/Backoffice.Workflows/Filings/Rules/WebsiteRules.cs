using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>One website of an order: name, domains, homepage URLs, service content, pre-approvals, languages, access, principal.</summary>
public static partial class WebsiteRules
{
    public static readonly IReadOnlyList<string> ServiceContents = ["comprehensive-portal", "corporate-portal", "personal-space", "other"];

    public static readonly IReadOnlyList<string> PreApprovals =
        ["news", "publishing", "education", "medical", "drugs-medical-devices", "electronic-bulletin", "culture", "radio-film-tv"];

    public static readonly IReadOnlyList<string> Languages =
        ["zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "fr", "de", "es", "ar", "pt", "it", "bo", "ug", "mn", "ii", "za", "kk"];

    public static readonly IReadOnlyList<string> AccessKinds = ["instance-ip", "authorization-code"];

    /// <summary>Checks websites[i]; returns its domains in ASCII form (valid ones only).</summary>
    public static List<string> Check(ValidationErrors errors, int i, WebsiteInfo website, SubjectInfo? subject, DateOnly today, FilingRules rules)
    {
        var path = $"websites[{i}]";
        var personal = subject?.Nature == PersonDocuments.Individual;
        WebsiteNameRules.Check(errors, $"{path}.name", website.Name, personal);
        var domains = CheckDomains(errors, path, website, subject?.Province, rules);
        CheckHomepages(errors, path, website, domains);
        TextRules.Choice(errors, $"{path}.serviceContent", website.ServiceContent, ServiceContents);
        var remarked = TextRules.Check(errors, $"{path}.remark", website.Remark, false, 500);
        if (!remarked && (personal || website.ServiceContent == "other"))
        {
            errors.Add($"{path}.remark", personal ? "personal-site-remark" : "remark-required");
        }

        if (personal && website.ServiceContent is "comprehensive-portal" or "corporate-portal")
        {
            errors.Add($"{path}.serviceContent", "personal-service-content");
        }

        CheckList(errors, $"{path}.preApprovals", website.PreApprovals, PreApprovals, required: false);
        if (personal && website.PreApprovals is { Count: > 0 })
        {
            errors.Add($"{path}.preApprovals", "personal-pre-approval");
        }

        CheckList(errors, $"{path}.languages", website.Languages, Languages, required: true);
        CheckAccess(errors, $"{path}.accessResource", website.AccessResource);
        CheckPrincipal(errors, path, website, subject, today);
        return domains;
    }

    private static List<string> CheckDomains(ValidationErrors errors, string path, WebsiteInfo website, string? province, FilingRules rules)
    {
        var domains = new List<string>();
        if (website.Domains is not { Count: > 0 } || website.Domains.Count > rules.MaxDomainsPerWebsite)
        {
            errors.Add($"{path}.domains", "domains-count", rules.MaxDomainsPerWebsite);
            return domains;
        }

        for (var d = 0; d < website.Domains.Count; d++)
        {
            if (DomainName.Check(website.Domains[d], province, rules, out var ascii) is { } code)
            {
                errors.Add($"{path}.domains[{d}]", code);
            }
            else
            {
                domains.Add(ascii);
            }
        }

        return domains;
    }

    private static void CheckHomepages(ValidationErrors errors, string path, WebsiteInfo website, List<string> domains)
    {
        if (website.HomepageUrls is not { Count: > 0 and <= 10 })
        {
            errors.Add($"{path}.homepageUrls", "homepages-count");
            return;
        }

        for (var h = 0; h < website.HomepageUrls.Count; h++)
        {
            if (HomepageUrl.Check(website.HomepageUrls[h], domains) is { } code)
            {
                errors.Add($"{path}.homepageUrls[{h}]", code);
            }
        }
    }

    private static void CheckList(ValidationErrors errors, string path, IReadOnlyList<string?>? values, IReadOnlyList<string> allowed, bool required)
    {
        if (values is not { Count: > 0 })
        {
            if (required)
            {
                errors.Add(path, "required");
            }

            return;
        }

        for (var v = 0; v < values.Count; v++)
        {
            TextRules.Choice(errors, $"{path}[{v}]", values[v], allowed);
        }

        if (values.Distinct().Count() != values.Count)
        {
            errors.Add(path, "duplicate-values");
        }
    }

    private static void CheckAccess(ValidationErrors errors, string path, AccessResourceInfo? access)
    {
        if (access is null)
        {
            errors.Add(path, "required");
            return;
        }

        TextRules.Choice(errors, $"{path}.kind", access.Kind, AccessKinds);
        if (!TextRules.Check(errors, $"{path}.value", access.Value, true, 64))
        {
            return;
        }

        var value = access.Value!.Trim();
        if (access.Kind == "instance-ip")
        {
            if (!IPAddress.TryParse(value, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || ip.ToString() != value)
            {
                errors.Add($"{path}.value", "ip-format");
            }
            else if (!IsPublic(ip))
            {
                errors.Add($"{path}.value", "ip-not-public");
            }
        }
        else if (access.Kind == "authorization-code" && !AuthorizationCode().IsMatch(value))
        {
            errors.Add($"{path}.value", "authorization-code-format");
        }
    }

    private static bool IsPublic(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and <= 31)
                 || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }

    private static void CheckPrincipal(ValidationErrors errors, string path, WebsiteInfo website, SubjectInfo? subject, DateOnly today)
    {
        if (website.Principal is null)
        {
            return;
        }

        var organisation = PersonDocuments.IsOrganisation(subject?.Nature);
        var birth = PrincipalRules.Check(errors, $"{path}.principal", website.Principal, organisation, today);
        if (birth is { } born && ResidentIdNumber.Age(born, today) < 18)
        {
            errors.Add($"{path}.principal.certificateNumber", "website-principal-too-young");
        }

        var own = subject?.Principal;
        if (own is null || string.Equals(own.CertificateNumber?.Trim(), website.Principal.CertificateNumber?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (own.Mobile is not null && own.Mobile == website.Principal.Mobile)
        {
            errors.Add($"{path}.principal.mobile", "principal-mobile-same");
        }

        if (own.Email is not null && string.Equals(own.Email, website.Principal.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{path}.principal.email", "principal-email-same");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{16,32}$")]
    private static partial Regex AuthorizationCode();
}
