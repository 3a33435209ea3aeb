using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Privacy;
using Backoffice.Workflows.Registry;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// The filed records an order acts on, as the registry holds them: an order that cancels access, deregisters or
/// changes a website names its subject and website by their filing numbers only, so staff read the subject's name,
/// nature and certificate, and the website's name and domains, from the registry. An individual's ID number is masked.
/// </summary>
public sealed record RegistryTarget(RegistrySubject? Subject, RegistryWebsite? Website)
{
    public static async Task<RegistryTarget?> LoadAsync(
        Npgsql.NpgsqlConnection connection, RegistryStore registry, FilingOrderRow order, FilingOrderRequest body, CancellationToken ct)
    {
        if (order.SubjectFilingNumber is null || (body.Subject is not null && order.WebsiteFilingNumber is null))
        {
            return null;
        }

        var subject = body.Subject is null ? await registry.FindSubjectByNumberAsync(connection, order.SubjectFilingNumber, ct) : null;
        var website = order.WebsiteFilingNumber is { } number ? await registry.FindWebsiteAsync(connection, number, ct) : null;
        return new RegistryTarget(
            subject is { Nature: "individual" } ? subject with { CertificateNumber = Mask.IdNumber(subject.CertificateNumber) ?? "" } : subject,
            website);
    }
}
