using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// Orders that act on records filed here (change, cancel access, deregister): the target must exist
/// in the registry and be accessed through this provider; a changed website's new domains must not
/// be filed under another subject.
/// </summary>
public static class ExistingRecordOrder
{
    public static async Task<(PreparedOrder?, IResult?)> PrepareAsync(
        HttpContext context, NpgsqlConnection connection, RegistryStore registry, FilingOrderRequest request, string type)
    {
        var ct = context.RequestAborted;
        var errors = new ValidationErrors();
        var subject = await registry.FindSubjectByNumberAsync(connection, request.SubjectFilingNumber!, ct);
        if (subject is null)
        {
            return (null, Problems.Field(context, "subjectFilingNumber", "registry-subject-unknown"));
        }

        if (!subject.FiledHere)
        {
            return (null, Problems.Field(context, "subjectFilingNumber", "registry-not-here"));
        }

        RegistryWebsite? website = null;
        if (request.WebsiteFilingNumber is { } websiteNumber)
        {
            website = await registry.FindWebsiteAsync(connection, websiteNumber, ct);
            if (website is null || website.SubjectFilingNumber != subject.SubjectFilingNumber)
            {
                return (null, Problems.Field(context, "websiteFilingNumber", "registry-website-unknown"));
            }

            if (!website.Providers.Contains(registry.ProviderCode))
            {
                return (null, Problems.Field(context, "websiteFilingNumber", "registry-not-here"));
            }
        }

        if (type == FilingType.ChangeSubject &&
            (request.Subject!.CertificateType != subject.CertificateType
             || request.Subject.CertificateNumber!.Trim().ToUpperInvariant() != subject.CertificateNumber))
        {
            errors.Add("subject.certificateNumber", "change-subject-certificate");
        }

        var websites = type == FilingType.ChangeWebsite
            ? OrderPreparation.Websites(request)
            : website is null ? [] : [new PreparedWebsite(0, website.Name ?? website.WebsiteFilingNumber, website.Domains, null, null)];
        if (type == FilingType.ChangeWebsite)
        {
            var filed = await registry.FindDomainsAsync(connection, websites[0].Domains, ct);
            for (var d = 0; d < websites[0].Domains.Length; d++)
            {
                var elsewhere = filed.FirstOrDefault(f => f.Domain == websites[0].Domains[d] && f.WebsiteFilingNumber != website!.WebsiteFilingNumber);
                if (elsewhere is not null)
                {
                    errors.Add($"websites[0].domains[{d}]", "domain-filed-on-other-website", elsewhere.WebsiteFilingNumber);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return (null, Problems.Validation(context, errors));
        }

        var name = type == FilingType.ChangeSubject ? request.Subject!.Name!.Trim() : subject.Name;
        return (new PreparedOrder(type, subject.Province, subject.Nature, name, subject.CertificateType, subject.CertificateNumber,
            subject.SubjectFilingNumber, website?.WebsiteFilingNumber, websites)
        {
            WarningCodes = type == FilingType.CancelAccess ? FilingWarnings.OfCancellingAccess(website!.Providers, registry.ProviderCode) : [],
        }, null);
    }
}
