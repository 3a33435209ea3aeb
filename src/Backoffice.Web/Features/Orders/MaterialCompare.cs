using System.Globalization;
using Backoffice.Web.Features.Filings;
using Backoffice.Workflows.Filings;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// The order's fields a material is checked against on the review workbench: a licence beside the subject's name,
/// number and address; an ID card beside its principal; a verification form beside the website and its subject; a
/// curtain photo beside the principal. Values are the masked ones the page shows; <see cref="Field.Reveal"/> names
/// the masked ones the audited reveal fills in.
/// </summary>
public static class MaterialCompare
{
    public sealed record Field(string Zh, string En, string Path, string? Value, bool Reveal = false);

    public static IReadOnlyList<Field> For(FilingReads.MaterialEntry material, FilingOrderRequest body)
    {
        var subject = body.Subject;
        var site = material.WebsiteIndex is { } w && body.Websites is { } sites && w < sites.Count ? sites[w] : null;
        var sitePath = material.WebsiteIndex is { } i ? $"websites[{i.ToString(CultureInfo.InvariantCulture)}]" : null;
        var (principal, principalPath) = site?.Principal is { } p ? (p, $"{sitePath}.principal") : (subject?.Principal, "subject.principal");
        Field[] subjectFields =
        [
            new("主体名称", "Subject name", "subject.name", subject?.Name),
            new("证件号码", "Certificate number", "subject.certificateNumber", subject?.CertificateNumber),
            new("证件地址", "Certificate address", "subject.certificateAddress", subject?.CertificateAddress),
        ];
        Field[] person =
        [
            new("姓名", "Name", $"{principalPath}.name", principal?.Name),
            new("证件号码", "Certificate number", $"{principalPath}.certificateNumber", principal?.CertificateNumber, Reveal: true),
        ];
        return material.Kind switch
        {
            "business-license" => [.. subjectFields, new("主体负责人", "Subject principal", "subject.principal.name", subject?.Principal?.Name)],
            "id-card-front" or "id-card-back" or "curtain-photo" or "employment-proof" => person,
            "verification-form" when site is not null =>
            [
                subjectFields[0],
                new("网站名称", "Website name", $"{sitePath}.name", site.Name),
                new("域名", "Domains", $"{sitePath}.domains", string.Join(", ", site.Domains ?? [])),
                person[0],
            ],
            _ => [subjectFields[0], subjectFields[1]],
        };
    }
}
