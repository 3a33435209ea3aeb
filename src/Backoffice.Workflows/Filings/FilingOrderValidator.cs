using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// Every rule of docs/DOMAIN.md that can be checked from the order alone, with the field path of each
/// error. Rules that need the database (registry, quotas across orders) are checked by the caller.
/// </summary>
public static class FilingOrderValidator
{
    public static IReadOnlyList<string> VerificationMethods => ProvinceRuleDefaults.Methods;

    public static ValidationErrors Validate(FilingOrderRequest order, string filingType, DateOnly today, FilingRules rules, ProvinceRuleSet provinceRules)
    {
        var errors = new ValidationErrors();
        TextRules.Check(errors, "remark", order.Remark, false, 500);
        AccountRules.Check(errors, order.Account);
        if (FilingType.OnExistingRecords.Contains(filingType))
        {
            ExistingRecordRules.Check(errors, order, filingType, today, rules);
            ProvinceOrderChecks.Check(errors, order, provinceRules, checkVerification: false);
            return errors;
        }

        SubjectRules.Check(errors, order.Subject, today);
        TextRules.Choice(errors, "verificationMethod", order.VerificationMethod, VerificationMethods);
        CheckWebsites(errors, order, today, rules, min: 1, max: rules.MaxWebsitesPerOrder);
        ProvinceOrderChecks.Check(errors, order, provinceRules, checkVerification: true);
        return errors;
    }

    internal static void CheckWebsites(ValidationErrors errors, FilingOrderRequest order, DateOnly today, FilingRules rules, int min, int max)
    {
        if (order.Websites is null || order.Websites.Count < min || order.Websites.Count > max)
        {
            errors.Add("websites", "websites-count", min, max);
            return;
        }

        var seenDomains = new HashSet<string>();
        var codes = new HashSet<string>();
        var perIp = new Dictionary<string, int>();
        for (var i = 0; i < order.Websites.Count; i++)
        {
            if (order.Websites[i] is not { } website)
            {
                errors.Add($"websites[{i}]", "required");
                continue;
            }

            var domains = WebsiteRules.Check(errors, i, website, order.Subject, today, rules);
            DomainHolderRules.Check(errors, $"websites[{i}]", website, domains);
            foreach (var domain in domains.Where(d => !seenDomains.Add(d)))
            {
                errors.Add($"websites[{i}].domains[{domains.IndexOf(domain)}]", "domain-duplicate");
            }

            var access = website.AccessResource;
            var value = access?.Value?.Trim();
            if (value is null)
            {
                continue;
            }

            if (access!.Kind == "authorization-code" && !codes.Add(value))
            {
                errors.Add($"websites[{i}].accessResource.value", "authorization-code-duplicate");
            }
            else if (access.Kind == "instance-ip" && (perIp[value] = perIp.GetValueOrDefault(value) + 1) > rules.MaxWebsitesPerAccessResource)
            {
                errors.Add($"websites[{i}].accessResource.value", "access-resource-quota", rules.MaxWebsitesPerAccessResource, rules.MaxWebsitesPerAccessResource);
            }
        }
    }
}
