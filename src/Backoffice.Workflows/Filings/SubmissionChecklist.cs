using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// What must be uploaded before an order can be submitted; each missing material is an error keyed
/// materials.&lt;kind&gt;. A subject change asks again only for what changed (Tencent 变更备案): the
/// principal's ID images when the principal is another person, the licence when the data on it changed;
/// <c>filed</c> is the subject as last approved here (null when unknown: then everything is asked).
/// </summary>
public static class SubmissionChecklist
{
    public static ValidationErrors Check(
        FilingOrderRequest order, string filingType, IReadOnlyList<(string Kind, int? WebsiteIndex)> materials, DateOnly today, SubjectInfo? filed = null)
    {
        var errors = new ValidationErrors();
        void Need(string kind, int? website = null)
        {
            if (!materials.Any(m => m.Kind == kind && (website is null || m.WebsiteIndex == website)))
            {
                errors.Add(website is null ? $"materials.{kind}" : $"materials.{kind}[{website}]", "material-missing", kind);
            }
        }

        if (!FilingType.WithMaterials.Contains(filingType))
        {
            return errors;
        }

        if (order.Subject is { } subject && filingType != FilingType.ChangeWebsite)
        {
            var change = filingType == FilingType.ChangeSubject ? filed : null;
            if (PersonDocuments.IsOrganisation(subject.Nature) && !SameLicence(change, subject))
            {
                Need("business-license");
            }

            if (!SamePerson(change?.Principal, subject.Principal))
            {
                Need("id-card-front");
                if (subject.Principal?.CertificateType == PersonDocuments.ResidentId)
                {
                    Need("id-card-back");
                }

                if (SubjectRules.NeedsEmploymentProof(subject, today))
                {
                    Need("employment-proof");
                }
            }
        }

        var websites = order.Websites ?? [];
        for (var i = 0; i < websites.Count; i++)
        {
            Need("verification-form", i);
            if (websites[i]?.PreApprovals is { Count: > 0 })
            {
                Need("pre-approval", i);
            }
        }

        return errors;
    }

    private static bool SameLicence(SubjectInfo? filed, SubjectInfo subject) =>
        filed is not null && Same(filed.Name, subject.Name) && Same(filed.CertificateAddress, subject.CertificateAddress)
        && Same(filed.InvestorOrAuthority, subject.InvestorOrAuthority) && filed.Nature == subject.Nature;

    private static bool SamePerson(PrincipalInfo? filed, PrincipalInfo? principal) =>
        filed is not null && principal is not null && Same(filed.Name, principal.Name) && filed.CertificateType == principal.CertificateType
        && string.Equals(filed.CertificateNumber?.Trim(), principal.CertificateNumber?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);
}
