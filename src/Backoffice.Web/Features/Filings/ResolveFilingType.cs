using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// POST /api/filing-types/resolve (验证备案类型): the type decided from certificate + domain + registry,
/// or 409 with the code saying why the domain cannot be filed. Both carry the warnings of the next
/// decision: a domain accessed here and by no other provider would lose its number if access were cancelled.
/// </summary>
public static class ResolveFilingType
{
    public sealed record Request(string? Province, string? SubjectNature, string? CertificateType, string? CertificateNumber, string? Domain);

    public sealed record Response(
        string FilingType, string FilingTypeLabel, string? SubjectFilingNumber, string? WebsiteFilingNumber, string Reason, IReadOnlyList<FilingWarning> Warnings);

    public static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource dataSource, RegistryStore registry, FilingRules rules, TimeProvider clock)
    {
        var (request, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = Validate(request!, rules, clock, out var domain);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var subject = await registry.FindSubjectAsync(connection, request!.CertificateType!, request.CertificateNumber!.Trim().ToUpperInvariant(), ct);
        var filed = (await registry.FindDomainsAsync(connection, [domain], ct)).FirstOrDefault();
        var resolution = FilingTypeResolution.Decide(subject, filed, registry.ProviderCode);
        var english = context.IsEnglish();
        var warnings = FilingWarnings.Describe(
            filed is not null && filed.Providers.Contains(registry.ProviderCode) ? FilingWarnings.OfCancellingAccess(filed.Providers, registry.ProviderCode) : [],
            english);
        if (resolution.IsRefused)
        {
            return Problems.Conflict(context, resolution.RefusalCode!, FilingTypeReasons.Text(resolution.RefusalCode!, english),
                new { resolution.SubjectFilingNumber, resolution.WebsiteFilingNumber, warnings });
        }

        var label = FilingType.Labels[resolution.FilingType!];
        return Results.Ok(new Response(resolution.FilingType!, english ? label.En : label.Zh, resolution.SubjectFilingNumber,
            resolution.WebsiteFilingNumber, FilingTypeReasons.Text(resolution.ReasonCode, english), warnings));
    }

    private static ValidationErrors Validate(Request request, FilingRules rules, TimeProvider clock, out string domain)
    {
        var errors = new ValidationErrors();
        if (!Provinces.IsKnown(request.Province)) errors.Add("province", request.Province is null ? "required" : "province-unknown");
        TextRules.Choice(errors, "subjectNature", request.SubjectNature, PersonDocuments.Natures);
        var subject = new SubjectInfo
        {
            Nature = request.SubjectNature, Province = request.Province, CertificateType = request.CertificateType,
            CertificateNumber = request.CertificateNumber,
        };
        var certificateErrors = new ValidationErrors();
        SubjectRules.CheckCertificate(certificateErrors, subject, PersonDocuments.IsOrganisation(request.SubjectNature), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var error in certificateErrors.All)
        {
            errors.Add(error.Path.Replace("subject.", "", StringComparison.Ordinal), error.Code, [.. error.Args]);
        }

        if (DomainName.Check(request.Domain, request.Province, rules, out domain) is { } code)
        {
            errors.Add("domain", code);
        }

        return errors;
    }
}
