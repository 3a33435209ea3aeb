using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// What staff are told about an order beyond its data: the warnings of cancelling this provider's
/// access, and the verdict on each domain (holder, real-name, expiry): the registrar's, or else on the holder the
/// console declared, marked as such.
/// </summary>
public sealed class OrderChecks(RegistryStore registry, IDomainRegistry domains, WorkingCalendarStore calendars, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> WarningsAsync(NpgsqlConnection connection, FilingOrderRow order, CancellationToken ct) =>
        order is { FilingType: FilingType.CancelAccess, WebsiteFilingNumber: { } website }
            ? FilingWarnings.OfCancellingAccess((await connection.QueryAsync<string>(new CommandDefinition(
                "select provider from registry_accesses where website_filing_number = @website", new { website }, cancellationToken: ct))).AsList(),
                registry.ProviderCode)
            : [];

    /// <summary>The subject and website the order acts on, from the registry (<see cref="RegistryTarget"/>).</summary>
    public Task<RegistryTarget?> TargetAsync(NpgsqlConnection connection, FilingOrderRow order, FilingOrderRequest body, CancellationToken ct) =>
        RegistryTarget.LoadAsync(connection, registry, order, body, ct);

    public async Task<IReadOnlyList<DomainHolderCheck.Verdict>> DomainVerdictsAsync(
        NpgsqlConnection connection, FilingOrderRow order, FilingOrderRequest body, CancellationToken ct)
    {
        var names = (body.Websites ?? []).SelectMany(w => w?.Domains ?? []).OfType<string>().Distinct().ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var found = (await domains.LookupAsync(connection, names, ct)).ToDictionary(r => r.Domain);
        var lastReviewDay = DomainHolderCheck.LastReviewDay(await calendars.GetAsync(connection, ct), clock.GetUtcNow());
        var subject = new SubjectIdentity(order.SubjectName, order.SubjectCertificateType, order.SubjectCertificateNumber);
        var declared = (body.Websites ?? []).SelectMany(w => w?.DomainHolders ?? []).OfType<DomainHolderInfo>()
            .Select(DomainHolderRules.AsRegistration).OfType<DomainRegistration>().DistinctBy(r => r.Domain).ToDictionary(r => r.Domain);
        return [.. names.Select(d => found.GetValueOrDefault(d) is null && declared.GetValueOrDefault(d) is { } holder
            ? DomainHolderCheck.Judge(d, holder, subject, lastReviewDay) with { Declared = true }
            : DomainHolderCheck.Judge(d, found.GetValueOrDefault(d), subject, lastReviewDay))];
    }
}
