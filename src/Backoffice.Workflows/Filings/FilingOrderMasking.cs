using Backoffice.Workflows.Privacy;

namespace Backoffice.Workflows.Filings;

/// <summary>The order body with ID numbers (domain holders' too) and phones masked and the filing password removed.</summary>
public static class FilingOrderMasking
{
    public static FilingOrderRequest Masked(this FilingOrderRequest order) => order with
    {
        FilingPassword = null,
        Subject = order.Subject is null ? null : order.Subject with
        {
            CertificateNumber = order.Subject.Nature == "individual"
                ? Mask.IdNumber(order.Subject.CertificateNumber)
                : order.Subject.CertificateNumber,
            Principal = Masked(order.Subject.Principal),
        },
        Websites = order.Websites?.Select(w => w is null ? null : w with
        {
            Principal = Masked(w.Principal),
            DomainHolders = w.DomainHolders?.Select(h => h is null ? null : h with
            {
                CertificateNumber = h.CertificateType == Rules.PersonDocuments.Uscc ? h.CertificateNumber : Mask.IdNumber(h.CertificateNumber),
            }).ToList(),
        }).ToList(),
    };

    private static PrincipalInfo? Masked(PrincipalInfo? principal) => principal is null ? null : principal with
    {
        CertificateNumber = Mask.IdNumber(principal.CertificateNumber),
        Mobile = Mask.Mobile(principal.Mobile),
        OfficePhone = Mask.Phone(principal.OfficePhone),
    };
}
