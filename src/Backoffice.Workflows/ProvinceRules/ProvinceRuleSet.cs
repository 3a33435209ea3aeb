namespace Backoffice.Workflows.ProvinceRules;

/// <summary>
/// The provider's rules per province that compliance edits (docs/FILING-RULES.md): the SMS window, the
/// verification methods and who may use them, mailed originals, the authenticity form's checks, phone and
/// site-name rules. Every member is nullable so that a body missing a field is reported with its path;
/// a saved set has every province once and every member set.
/// </summary>
public sealed record ProvinceRuleSet
{
    /// <summary>The provider's SMS window in hours, for provinces that give none of their own.</summary>
    public int? SmsWindowHours { get; init; }

    public IReadOnlyList<ProvinceRule?>? Provinces { get; init; }

    /// <summary>The rule of <paramref name="province"/>; the generic one when the set has none (an unknown province).</summary>
    public ProvinceRule For(string? province) =>
        Provinces?.FirstOrDefault(p => p?.Province == province) ?? ProvinceRuleDefaults.Generic(province ?? "");

    /// <summary>The SMS window of <paramref name="province"/>: its own, else the provider's.</summary>
    public int SmsWindowOf(string? province) => For(province).SmsWindowHours ?? SmsWindowHours ?? ProvinceRuleDefaults.SmsWindowHours;
}

/// <summary>One province's rules.</summary>
public sealed record ProvinceRule
{
    public string? Province { get; init; }

    /// <summary>False where the bureau sends no SMS verification: the SMS wait is passed as verified.</summary>
    public bool? SmsStep { get; init; }

    /// <summary>The province's own SMS window in hours; null takes the provider's.</summary>
    public int? SmsWindowHours { get; init; }

    public IReadOnlyList<VerificationMethodRule?>? VerificationMethods { get; init; }

    /// <summary>The filing types whose originals are mailed: the bureau gets the order once the photo is approved and the mail arrived.</summary>
    public IReadOnlyList<string?>? MailedOriginals { get; init; }

    /// <summary>The authenticity form's province checks, required checklist items of a review step that asks for them.</summary>
    public IReadOnlyList<string?>? AuthenticityChecks { get; init; }

    /// <summary>Whether an individual's principals must give a real landline (Tianjin).</summary>
    public bool? OfficePhoneForIndividuals { get; init; }

    /// <summary>Mobile number prefixes the province's bureau refuses for principals.</summary>
    public IReadOnlyList<string?>? RefusedMobilePrefixes { get; init; }

    /// <summary>Words a personal site's name may not contain in this province, besides the national ones.</summary>
    public IReadOnlyList<string?>? PersonalSiteNameWords { get; init; }
}

/// <summary>A verification method and whose principal may use it: the certificate types (none listed: anyone).</summary>
public sealed record VerificationMethodRule
{
    public string? Method { get; init; }

    public IReadOnlyList<string?>? CertificateTypes { get; init; }

    public bool Allows(string? certificateType) => CertificateTypes is not { Count: > 0 } || CertificateTypes.Contains(certificateType);
}
