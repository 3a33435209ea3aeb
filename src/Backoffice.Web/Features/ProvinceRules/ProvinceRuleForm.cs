using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.ProvinceRules;

namespace Backoffice.Web.Features.ProvinceRules;

/// <summary>
/// One province's row of the rules page and its mapping to and from <see cref="ProvinceRule"/>. Who may use a method
/// is one of: nobody, anyone, resident-ID holders, holders of other documents; a set the API saved that is none of
/// these is kept as it was (<see cref="Kept"/>).
/// </summary>
public sealed class ProvinceRuleForm
{
    public const string Nobody = "none";
    public const string Anyone = "anyone";
    public const string ResidentId = "resident-id";
    public const string Others = "others";
    public const string Kept = "kept";

    public static readonly IReadOnlyList<string> Choices = [Nobody, Anyone, ResidentId, Others];

    private static readonly IReadOnlyList<string> OtherTypes = [.. PersonDocuments.PersonTypes.Where(t => t != PersonDocuments.ResidentId)];

    public string Province { get; set; } = "";
    public bool SmsStep { get; set; }
    public int? SmsWindowHours { get; set; }
    public Dictionary<string, string> Methods { get; set; } = [];
    public List<string> MailedOriginals { get; set; } = [];
    public List<string> AuthenticityChecks { get; set; } = [];
    public bool OfficePhoneForIndividuals { get; set; }
    public string? RefusedMobilePrefixes { get; set; }
    public string? PersonalSiteNameWords { get; set; }

    public static ProvinceRuleForm Of(ProvinceRule rule) => new()
    {
        Province = rule.Province ?? "",
        SmsStep = rule.SmsStep != false,
        SmsWindowHours = rule.SmsWindowHours,
        Methods = ProvinceRuleDefaults.Methods.ToDictionary(m => m, m => Who(rule.VerificationMethods?.FirstOrDefault(v => v?.Method == m))),
        MailedOriginals = [.. (rule.MailedOriginals ?? []).OfType<string>()],
        AuthenticityChecks = [.. (rule.AuthenticityChecks ?? []).OfType<string>()],
        OfficePhoneForIndividuals = rule.OfficePhoneForIndividuals == true,
        RefusedMobilePrefixes = string.Join(" ", (rule.RefusedMobilePrefixes ?? []).OfType<string>()),
        PersonalSiteNameWords = string.Join(" ", (rule.PersonalSiteNameWords ?? []).OfType<string>()),
    };

    /// <summary>The rule this row describes; a method kept as it was takes its set from <paramref name="before"/>.</summary>
    public ProvinceRule ToRule(ProvinceRule before) => new()
    {
        Province = Province,
        SmsStep = SmsStep,
        SmsWindowHours = SmsWindowHours,
        VerificationMethods = [.. ProvinceRuleDefaults.Methods.Select(m => Method(m, Methods.GetValueOrDefault(m) ?? Nobody, before)).OfType<VerificationMethodRule>()],
        MailedOriginals = [.. MailedOriginals],
        AuthenticityChecks = [.. AuthenticityChecks],
        OfficePhoneForIndividuals = OfficePhoneForIndividuals,
        RefusedMobilePrefixes = Split(RefusedMobilePrefixes),
        PersonalSiteNameWords = Split(PersonalSiteNameWords),
    };

    private static string Who(VerificationMethodRule? method) => method?.CertificateTypes switch
    {
        null when method is null => Nobody,
        null or { Count: 0 } => Anyone,
        [PersonDocuments.ResidentId] => ResidentId,
        var types when types.Count == OtherTypes.Count && OtherTypes.All(types.Contains) => Others,
        _ => Kept,
    };

    private static VerificationMethodRule? Method(string method, string who, ProvinceRule before) => who switch
    {
        Anyone => new() { Method = method, CertificateTypes = [] },
        ResidentId => new() { Method = method, CertificateTypes = [PersonDocuments.ResidentId] },
        Others => new() { Method = method, CertificateTypes = [.. OtherTypes] },
        Kept => before.VerificationMethods?.FirstOrDefault(v => v?.Method == method),
        _ => null,
    };

    private static IReadOnlyList<string?> Split(string? text) =>
        [.. (text ?? "").Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
