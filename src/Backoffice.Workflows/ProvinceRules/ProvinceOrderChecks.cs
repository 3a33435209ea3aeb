using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.ProvinceRules;

/// <summary>
/// What an order must meet in its subject's province (<see cref="ProvinceRule"/>): the verification method and who
/// may use it, a landline for individuals' principals, refused mobile prefixes, and the words a personal site's name
/// may not contain. Fields the order lacks are reported by the national checks, not again here.
/// </summary>
public static class ProvinceOrderChecks
{
    public static void Check(ValidationErrors errors, FilingOrderRequest order, ProvinceRuleSet rules, bool checkVerification)
    {
        if (order.Subject is not { } subject || !Provinces.IsKnown(subject.Province))
        {
            return;
        }

        var rule = rules.For(subject.Province);
        var province = Provinces.Get(subject.Province!).Zh;
        if (checkVerification)
        {
            CheckVerification(errors, order.VerificationMethod, subject, rule, province);
        }

        var individual = subject.Nature == PersonDocuments.Individual;
        CheckPrincipal(errors, "subject.principal", subject.Principal, individual, rule, province);
        for (var i = 0; i < (order.Websites?.Count ?? 0); i++)
        {
            if (order.Websites![i] is not { } website)
            {
                continue;
            }

            CheckPrincipal(errors, $"websites[{i}].principal", website.Principal, individual, rule, province);
            if (individual && website.Name is { } name && !errors.Has($"websites[{i}].name")
                && rule.PersonalSiteNameWords?.FirstOrDefault(w => w is { Length: > 0 } && name.Contains(w, StringComparison.Ordinal)) is { } word)
            {
                errors.Add($"websites[{i}].name", "province-site-name-word", word, province);
            }
        }
    }

    /// <summary>The methods the province accepts, each with who may use it, for <paramref name="certificateType"/>.</summary>
    public static IReadOnlyList<string> MethodsFor(ProvinceRule rule, string? certificateType) =>
        [.. (rule.VerificationMethods ?? []).Where(m => m is not null && m.Allows(certificateType)).Select(m => m!.Method!)];

    private static void CheckVerification(ValidationErrors errors, string? method, SubjectInfo subject, ProvinceRule rule, string province)
    {
        if (method is null || !ProvinceRuleDefaults.Methods.Contains(method))
        {
            return;
        }

        var holder = subject.Principal?.CertificateType;
        var accepted = MethodsFor(rule, holder);
        if (!accepted.Contains(method))
        {
            errors.Add("verificationMethod", "verification-method-not-accepted", province, string.Join(", ", accepted));
        }
    }

    private static void CheckPrincipal(ValidationErrors errors, string path, PrincipalInfo? principal, bool individual, ProvinceRule rule, string province)
    {
        if (principal is null)
        {
            return;
        }

        if (individual && rule.OfficePhoneForIndividuals == true && string.IsNullOrWhiteSpace(principal.OfficePhone) && !errors.Has($"{path}.officePhone"))
        {
            errors.Add($"{path}.officePhone", "office-phone-required-in-province", province);
        }

        if (principal.Mobile is { } mobile && !errors.Has($"{path}.mobile")
            && rule.RefusedMobilePrefixes?.FirstOrDefault(p => p is { Length: > 0 } && mobile.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            errors.Add($"{path}.mobile", "mobile-prefix-refused", prefix, province);
        }
    }
}
