using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings;

/// <summary>What must be uploaded before an order can be submitted; each missing material is an error keyed materials.&lt;kind&gt;.</summary>
public static class SubmissionChecklist
{
    public static ValidationErrors Check(FilingOrderRequest order, string filingType, IReadOnlyList<(string Kind, int? WebsiteIndex)> materials, DateOnly today)
    {
        var errors = new ValidationErrors();
        void Need(string kind, int? website = null)
        {
            if (!materials.Any(m => m.Kind == kind && (website is null || m.WebsiteIndex == website)))
            {
                errors.Add(website is null ? $"materials.{kind}" : $"materials.{kind}[{website}]", "material-missing", kind);
            }
        }

        if (filingType is FilingType.CancelAccess or FilingType.DeregisterWebsite or FilingType.DeregisterSubject)
        {
            return errors;
        }

        if (order.Subject is { } subject && filingType != FilingType.ChangeWebsite)
        {
            if (PersonDocuments.IsOrganisation(subject.Nature))
            {
                Need("business-license");
            }

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
}
