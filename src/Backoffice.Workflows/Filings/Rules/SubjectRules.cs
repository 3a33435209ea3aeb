using System.Text.RegularExpressions;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>The subject (主办单位/个人): nature, province, certificate, addresses, principal and its age.</summary>
public static partial class SubjectRules
{
    private static readonly string[] LegalRepresentativeWords = ["投资管理", "担保", "典当", "贷款", "理财"];

    public static void Check(ValidationErrors errors, SubjectInfo? subject, DateOnly today)
    {
        if (subject is null)
        {
            errors.Add("subject", "required");
            return;
        }

        TextRules.Choice(errors, "subject.nature", subject.Nature, PersonDocuments.Natures);
        if (!Provinces.IsKnown(subject.Province))
        {
            errors.Add("subject.province", subject.Province is null ? "required" : "province-unknown");
        }

        TextRules.Check(errors, "subject.name", subject.Name, true, 100);
        var organisation = PersonDocuments.IsOrganisation(subject.Nature);
        CheckCertificate(errors, subject, organisation, today);
        TextRules.Check(errors, "subject.certificateAddress", subject.CertificateAddress, true, 200);
        var remarked = TextRules.Check(errors, "subject.addressRemark", subject.AddressRemark, false, 200);
        if (TextRules.Check(errors, "subject.mailingAddress", subject.MailingAddress, true, 200) && !remarked && !DoorNumber().IsMatch(subject.MailingAddress!))
        {
            errors.Add("subject.mailingAddress", "address-not-detailed");
        }

        TextRules.Check(errors, "subject.investorOrAuthority", subject.InvestorOrAuthority, organisation, 100);
        TextRules.Check(errors, "subject.remark", subject.Remark, false, 500);
        CheckPrincipal(errors, subject, organisation, today);
    }

    public static void CheckCertificate(ValidationErrors errors, SubjectInfo subject, bool organisation, DateOnly today)
    {
        var allowed = organisation ? [PersonDocuments.Uscc] : PersonDocuments.PersonTypes;
        if (PersonDocuments.Natures.Contains(subject.Nature ?? "") && subject.CertificateType is not null && !allowed.Contains(subject.CertificateType))
        {
            errors.Add("subject.certificateType", "certificate-type-for-nature", string.Join(", ", allowed));
            return;
        }

        TextRules.Choice(errors, "subject.certificateType", subject.CertificateType, PersonDocuments.CertificateTypes);
        if (!TextRules.Check(errors, "subject.certificateNumber", subject.CertificateNumber, true, 40) || subject.CertificateType is null
            || !PersonDocuments.CertificateTypes.Contains(subject.CertificateType))
        {
            return;
        }

        var number = subject.CertificateNumber!.Trim().ToUpperInvariant();
        if (subject.CertificateType != PersonDocuments.Uscc)
        {
            if (PersonDocuments.CheckPersonNumber(subject.CertificateType, number, today, out _) is { } personError)
            {
                errors.Add("subject.certificateNumber", personError);
            }

            return;
        }

        if (UnifiedSocialCreditCode.Check(number) is { } error)
        {
            errors.Add("subject.certificateNumber", error);
            return;
        }

        if (UnifiedSocialCreditCode.ProvinceOf(number) is { } issued && Provinces.IsKnown(subject.Province) && issued != subject.Province)
        {
            errors.Add("subject.province", "uscc-province-mismatch", Provinces.Get(issued).Zh);
        }

        if (subject.Nature is not null && PersonDocuments.AuthorityTypes.TryGetValue(subject.Nature, out var types)
            && !types.Contains(UnifiedSocialCreditCode.AuthorityAndType(number)))
        {
            errors.Add("subject.certificateNumber", "uscc-nature-mismatch");
        }
    }

    private static void CheckPrincipal(ValidationErrors errors, SubjectInfo subject, bool organisation, DateOnly today)
    {
        var birth = PrincipalRules.Check(errors, "subject.principal", subject.Principal, organisation, today);
        if (organisation && birth is { } born && ResidentIdNumber.Age(born, today) < 16)
        {
            errors.Add("subject.principal.certificateNumber", "principal-too-young", 16);
        }

        if (subject.Nature == PersonDocuments.Individual && subject.Principal is { } p
            && (p.Name?.Trim() != subject.Name?.Trim() || p.CertificateNumber?.Trim().ToUpperInvariant() != subject.CertificateNumber?.Trim().ToUpperInvariant()))
        {
            errors.Add("subject.principal", "individual-principal-mismatch");
        }

        if (organisation && subject.Name is not null && LegalRepresentativeWords.Any(subject.Name.Contains) && subject.Principal?.IsLegalRepresentative != true)
        {
            errors.Add("subject.principal.isLegalRepresentative", "principal-must-be-legal-representative");
        }
    }

    /// <summary>Individuals under 18 may file with a proof of employment (就业证明).</summary>
    public static bool NeedsEmploymentProof(SubjectInfo? subject, DateOnly today) =>
        subject is { Nature: PersonDocuments.Individual, Principal: { CertificateType: PersonDocuments.ResidentId } p }
        && ResidentIdNumber.Check(p.CertificateNumber, today, out var birth) is null
        && ResidentIdNumber.Age(birth, today) < 18;

    [GeneratedRegex(@"(号|室|\d+\s*(栋|幢|楼|单元|弄|村|组|号))")]
    private static partial Regex DoorNumber();
}
