using Backoffice.Workflows.Registry;
using FilingTypes = Backoffice.Workflows.Filings.FilingType;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// The filing type of a subject and a domain, decided from the registry (docs/DOMAIN.md, "how the type is decided").
/// A refusal carries a code and no type.
/// </summary>
public sealed record FilingTypeResolution(
    string? FilingType, string? SubjectFilingNumber, string? WebsiteFilingNumber, string ReasonCode, string? RefusalCode)
{
    public bool IsRefused => RefusalCode is not null;

    public static FilingTypeResolution Decide(RegistrySubject? subject, RegistryDomain? domain, string providerCode)
    {
        if (domain is not null)
        {
            if (subject is null || domain.SubjectFilingNumber != subject.SubjectFilingNumber)
            {
                return Refuse(FilingTypeReasons.DomainUnderAnotherSubject);
            }

            if (domain.Providers.Contains(providerCode))
            {
                return new(null, subject.SubjectFilingNumber, domain.WebsiteFilingNumber,
                    FilingTypeReasons.AlreadyAccessedHere, FilingTypeReasons.AlreadyAccessedHere);
            }

            return subject.FiledHere
                ? new(FilingTypes.AccessSubjectHere, subject.SubjectFilingNumber, domain.WebsiteFilingNumber, FilingTypeReasons.DomainFiledElsewhereSubjectHere, null)
                : new(FilingTypes.AccessSubjectElsewhere, subject.SubjectFilingNumber, domain.WebsiteFilingNumber, FilingTypeReasons.DomainFiledElsewhere, null);
        }

        if (subject is null)
        {
            return new(FilingTypes.NewFiling, null, null, FilingTypeReasons.NothingFiled, null);
        }

        return subject.FiledHere
            ? new(FilingTypes.AddWebsiteSubjectHere, subject.SubjectFilingNumber, null, FilingTypeReasons.SubjectHereDomainNew, null)
            : new(FilingTypes.AddWebsiteSubjectElsewhere, subject.SubjectFilingNumber, null, FilingTypeReasons.SubjectElsewhereDomainNew, null);
    }

    public static FilingTypeResolution Refuse(string code) => new(null, null, null, code, code);
}
