using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Workflows.ProvinceRules;

/// <summary>
/// The rules as shipped, from the seeds (docs/FILING-RULES.md names the seed of each): in force until
/// compliance saves a first version.
/// </summary>
public static class ProvinceRuleDefaults
{
    /// <summary>24 hours: seeds 000, 001 (QingCloud) and 004 (Kingsoft); Alibaba (002) documents 48.</summary>
    public const int SmsWindowHours = 24;

    public const string Guangdong = "440000";
    public const string Jiangxi = "360000";
    public const string Xinjiang = "650000";

    public static readonly IReadOnlyList<string> Methods = ["curtain-photo", "electronic", "app"];

    public static readonly IReadOnlyList<string> Checks = ["handwritten-pledge", "fingerprint"];

    public static ProvinceRuleSet Set { get; } = new()
    {
        SmsWindowHours = SmsWindowHours,
        Provinces = [.. Filings.Provinces.All.Select(p => Of(p.Code))],
    };

    /// <summary>A province with no rule of its own: SMS step with the provider's window, curtain photo or electronic for anyone.</summary>
    public static ProvinceRule Generic(string province) => new()
    {
        Province = province, SmsStep = true, SmsWindowHours = null,
        VerificationMethods = [new() { Method = "curtain-photo", CertificateTypes = [] }, new() { Method = "electronic", CertificateTypes = [] }],
        MailedOriginals = [], AuthenticityChecks = [], OfficePhoneForIndividuals = false, RefusedMobilePrefixes = [], PersonalSiteNameWords = [],
    };

    private static ProvinceRule Of(string province) => province switch
    {
        // Shanghai: the bureau's app for resident-ID holders, the curtain photo for the others (002 Alibaba, 003 Tencent).
        Filings.Provinces.Shanghai => Generic(province) with
        {
            VerificationMethods =
            [
                new() { Method = "app", CertificateTypes = [PersonDocuments.ResidentId] },
                new() { Method = "curtain-photo", CertificateTypes = [.. PersonDocuments.PersonTypes.Where(t => t != PersonDocuments.ResidentId)] },
            ],
        },
        // Tianjin: individuals give a real landline too (003 Tencent: 「企业用户以及天津的个人用户请填写真实的座机号码」).
        Filings.Provinces.Tianjin => Generic(province) with { OfficePhoneForIndividuals = true },
        // The authenticity form: Guangdong's handwritten pledge, Xinjiang's and Jiangxi's fingerprint (DOMAIN.md, process step 3).
        Guangdong => Generic(province) with { AuthenticityChecks = ["handwritten-pledge"] },
        Jiangxi or Xinjiang => Generic(province) with { AuthenticityChecks = ["fingerprint"] },
        _ => Generic(province),
    };
}
