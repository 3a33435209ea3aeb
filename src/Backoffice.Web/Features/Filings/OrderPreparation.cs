using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// Validates an order body and decides its type from the registry. The client's filingType is
/// checked against the decision, never trusted. Returns the prepared order or the problem to answer.
/// </summary>
public sealed class OrderPreparation(
    RegistryStore registry, ApplicationClock clock, FilingRules rules, IDomainRegistry domainRegistry, WorkingCalendarStore calendars,
    IOptions<BackofficeOptions> options)
{
    public async Task<(PreparedOrder? Order, IResult? Problem)> PrepareAsync(
        HttpContext context, NpgsqlConnection connection, FilingOrderRequest request)
    {
        var (order, problem) = await DecideAsync(context, connection, request);
        if (order is null)
        {
            return (null, problem);
        }

        var errors = AccountRule(request.Account, order);
        return errors.IsEmpty ? (order with { AccountId = request.Account?.Id?.Trim() }, null) : (null, Problems.Validation(context, errors));
    }

    /// <summary>The provider's account rule when it is on (Kingsoft): the order names its account, whose real name is the subject's name.</summary>
    private ValidationErrors AccountRule(AccountInfo? account, PreparedOrder order)
    {
        var errors = new ValidationErrors();
        if (!options.Value.OneSubjectPerAccount)
        {
            return errors;
        }

        if (account is null)
        {
            errors.Add("account", "required");
        }
        else if (account.RealName!.Trim() != order.SubjectName)
        {
            errors.Add("subject.name", "account-real-name-mismatch");
        }

        return errors;
    }

    private async Task<(PreparedOrder? Order, IResult? Problem)> DecideAsync(
        HttpContext context, NpgsqlConnection connection, FilingOrderRequest request)
    {
        if (request.FilingType is not null && !FilingType.IsKnown(request.FilingType))
        {
            return (null, Problems.Field(context, "filingType", "invalid-choice", string.Join(", ", FilingType.Labels.Keys)));
        }

        if (request.FilingType is { } type && FilingType.OnExistingRecords.Contains(type))
        {
            var errors = FilingOrderValidator.Validate(request, type, clock.Today, rules, await ProvinceRuleStore.RulesAsync(connection, context.RequestAborted));
            return errors.IsEmpty
                ? await CheckDomainsOfChangeAsync(context, connection, request, await ExistingRecordOrder.PrepareAsync(context, connection, registry, request, type))
                : (null, Problems.Validation(context, errors));
        }

        var filingErrors = FilingOrderValidator.Validate(
            request, request.FilingType ?? FilingType.NewFiling, clock.Today, rules, await ProvinceRuleStore.RulesAsync(connection, context.RequestAborted));
        return filingErrors.IsEmpty
            ? await ResolveAsync(context, connection, request)
            : (null, Problems.Validation(context, filingErrors));
    }

    private async Task<(PreparedOrder?, IResult?)> ResolveAsync(HttpContext context, NpgsqlConnection connection, FilingOrderRequest request)
    {
        var ct = context.RequestAborted;
        var subject = request.Subject!;
        var certificateNumber = subject.CertificateNumber!.Trim().ToUpperInvariant();
        var websites = Websites(request);
        var registered = await registry.FindSubjectAsync(connection, subject.CertificateType!, certificateNumber, ct);
        var filed = (await registry.FindDomainsAsync(connection, [.. websites.SelectMany(w => w.Domains)], ct)).ToDictionary(d => d.Domain);

        var errors = new ValidationErrors();
        var types = new List<(string Path, FilingTypeResolution Resolution)>();
        foreach (var website in websites)
        {
            for (var d = 0; d < website.Domains.Length; d++)
            {
                var path = $"websites[{website.Index}].domains[{d}]";
                var resolution = FilingTypeResolution.Decide(registered, filed.GetValueOrDefault(website.Domains[d]), registry.ProviderCode);
                if (resolution.IsRefused)
                {
                    return (null, Problems.Conflict(context, resolution.RefusalCode!,
                        FilingTypeReasons.Text(resolution.RefusalCode!, context.IsEnglish()), new { path, domain = website.Domains[d] }));
                }

                types.Add((path, resolution));
            }
        }

        var decided = types[0].Resolution;
        foreach (var (path, resolution) in types.Where(t => t.Resolution.FilingType != decided.FilingType))
        {
            errors.Add(path, "filing-type-mixed", resolution.FilingType!, decided.FilingType!);
        }

        if (registered is not null)
        {
            CheckAgainstRegistry(subject, registered, errors);
        }

        await CheckDomainHoldersAsync(connection, new SubjectIdentity(subject.Name!, subject.CertificateType!, certificateNumber), request, websites, errors, ct);
        if (FilingType.NeedsFilingPassword.Contains(decided.FilingType!))
        {
            TextRules.Check(errors, "filingPassword", request.FilingPassword, true, 64);
        }

        if (request.FilingType is { } claimed && claimed != decided.FilingType)
        {
            errors.Add("filingType", "filing-type-mismatch", decided.FilingType!);
        }

        if (!errors.IsEmpty)
        {
            return (null, Problems.Validation(context, errors));
        }

        var websiteNumber = websites.Count == 1 ? decided.WebsiteFilingNumber : null;
        return (new PreparedOrder(decided.FilingType!, subject.Province!, subject.Nature, subject.Name!.Trim(), subject.CertificateType!,
            certificateNumber, decided.SubjectFilingNumber, websiteNumber, websites), null);
    }

    /// <summary>
    /// The domain holder check on orders for existing records. A website change carries websites: their domains' holders
    /// are checked against the subject filed here as on an order for new records, with the same errors. A subject change
    /// that renames the subject carries none, but every domain filed on the subject's websites must then be held under the
    /// new name: the registrar is asked about each, and what it says is judged against the new name (errors at
    /// <c>subject.name</c>, the same codes). The other orders name their target only.
    /// </summary>
    private async Task<(PreparedOrder?, IResult?)> CheckDomainsOfChangeAsync(
        HttpContext context, NpgsqlConnection connection, FilingOrderRequest request, (PreparedOrder? Order, IResult? Problem) prepared)
    {
        var errors = new ValidationErrors();
        switch (prepared.Order)
        {
            case { FilingType: FilingType.ChangeWebsite } order:
                await CheckDomainHoldersAsync(connection, Identity(order), request, [.. order.Websites], errors, context.RequestAborted);
                break;
            case { FilingType: FilingType.ChangeSubject } order:
                await CheckRenamedSubjectAsync(connection, order, errors, context.RequestAborted);
                break;
            default:
                return prepared;
        }

        return errors.IsEmpty ? prepared : (null, Problems.Validation(context, errors));
    }

    /// <summary>A subject change under a new name: what the registrars say of the subject's filed domains, judged against that name.</summary>
    private async Task CheckRenamedSubjectAsync(NpgsqlConnection connection, PreparedOrder order, ValidationErrors errors, CancellationToken ct)
    {
        var filed = await registry.FindSubjectByNumberAsync(connection, order.SubjectFilingNumber!, ct);
        if (filed is null || filed.Name.Trim() == order.SubjectName)
        {
            return;
        }

        var domains = await registry.FindSubjectDomainsAsync(connection, order.SubjectFilingNumber!, ct);
        IReadOnlyList<DomainRegistration> found = domains.Count == 0 ? [] : await domainRegistry.LookupAsync(connection, domains, ct);
        if (found.Count == 0)
        {
            return;
        }

        var lastReviewDay = DomainHolderCheck.LastReviewDay(await calendars.GetAsync(connection, ct), clock.GetUtcNow());
        foreach (var code in found.OrderBy(r => r.Domain, StringComparer.Ordinal)
                     .Select(r => DomainHolderCheck.Judge(r.Domain, r, Identity(order), lastReviewDay).Code).OfType<string>().Distinct())
        {
            errors.Add("subject.name", code);
        }
    }

    private static SubjectIdentity Identity(PreparedOrder order) => new(order.SubjectName, order.CertificateType, order.CertificateNumber);

    /// <summary>
    /// What each domain's registrar says, and what the console declares of its holder: held by the subject, real-name
    /// verified, registered beyond the bureau's review. Each code is reported once per domain.
    /// </summary>
    private async Task CheckDomainHoldersAsync(
        NpgsqlConnection connection, SubjectIdentity subject, FilingOrderRequest request, List<PreparedWebsite> websites, ValidationErrors errors, CancellationToken ct)
    {
        var found = (await domainRegistry.LookupAsync(connection, [.. websites.SelectMany(w => w.Domains)], ct)).ToDictionary(r => r.Domain);
        var declared = websites.ToDictionary(w => w.Index, w => (request.Websites![w.Index]!.DomainHolders ?? [])
            .Select(h => h is null ? null : DomainHolderRules.AsRegistration(h)).OfType<DomainRegistration>().ToDictionary(r => r.Domain));
        if (found.Count == 0 && declared.Values.All(d => d.Count == 0))
        {
            return;
        }

        var lastReviewDay = DomainHolderCheck.LastReviewDay(await calendars.GetAsync(connection, ct), clock.GetUtcNow());
        foreach (var website in websites)
        {
            for (var d = 0; d < website.Domains.Length; d++)
            {
                var domain = website.Domains[d];
                var codes = new[] { found.GetValueOrDefault(domain), declared[website.Index].GetValueOrDefault(domain) }
                    .Where(r => r is not null)
                    .Select(r => DomainHolderCheck.Judge(domain, r, subject, lastReviewDay).Code)
                    .OfType<string>().Distinct();
                foreach (var code in codes)
                {
                    errors.Add($"websites[{website.Index}].domains[{d}]", code);
                }
            }
        }
    }

    private static void CheckAgainstRegistry(SubjectInfo subject, RegistrySubject registered, ValidationErrors errors)
    {
        if (registered.Nature is not null && registered.Nature != subject.Nature)
        {
            errors.Add("subject.nature", "registry-subject-mismatch", registered.Nature);
        }

        if (registered.Province != subject.Province)
        {
            errors.Add("subject.province", "registry-subject-mismatch", Provinces.Get(registered.Province).Zh);
        }

        if (registered.Name != subject.Name?.Trim())
        {
            errors.Add("subject.name", "registry-subject-mismatch", registered.Name);
        }
    }

    public static List<PreparedWebsite> Websites(FilingOrderRequest request) =>
        [.. (request.Websites ?? []).Select((w, i) => new PreparedWebsite(
            i, w!.Name!.Trim(),
            [.. w.Domains!.Select(d => DomainName.TryNormalize(d, out var ascii) ? ascii : d!)],
            w.AccessResource?.Kind, w.AccessResource?.Value?.Trim()))];
}
