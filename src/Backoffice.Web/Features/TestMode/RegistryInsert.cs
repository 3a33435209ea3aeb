using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.TestMode;

/// <summary>
/// POST /api/bureau-simulator/registry: subjects and websites filed at other providers (or here),
/// standing in for the national registry that filing-type resolution reads. All rows or none. A
/// website number issued before and since deregistered is refused, as the bureau never gives it again,
/// and so is a row that would hand a subject filed through this provider to another provider.
/// </summary>
public static class RegistryInsert
{
    public sealed record Request(IReadOnlyList<SubjectRow?>? Subjects, IReadOnlyList<WebsiteRow?>? Websites);

    public sealed record SubjectRow(
        string? CertificateType, string? CertificateNumber, string? Name, string? Province, string? SubjectFilingNumber,
        string? Provider, string? Nature);

    public sealed record WebsiteRow(string? SubjectFilingNumber, string? Domain, string? WebsiteFilingNumber, string? Provider, string? Name);

    public static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, RegistryStore registry)
    {
        if (!TestModeApi.IsOn(context))
        {
            return Problems.NotFound(context);
        }

        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var subjects = body!.Subjects ?? [];
        var websites = body.Websites ?? [];
        var errors = Validate(subjects, websites, out var domains);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < subjects.Count; i++)
        {
            var s = subjects[i]!;
            var own = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "select provider from registry_subjects where subject_filing_number = @SubjectFilingNumber and provider = @here for update",
                new { s.SubjectFilingNumber, here = registry.ProviderCode }, transaction, cancellationToken: ct));
            if (own is not null && s.Provider != own)
            {
                await transaction.RollbackAsync(ct);
                return Problems.Field(context, $"subjects[{i}].provider", "registry-own-record", own);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into registry_subjects (subject_filing_number, certificate_type, certificate_number, name, nature, province, provider)
                values (@SubjectFilingNumber, @CertificateType, upper(@CertificateNumber), @Name, @Nature, @Province, @Provider)
                on conflict (subject_filing_number) do update set name = excluded.name, nature = excluded.nature,
                    province = excluded.province, provider = excluded.provider
                """, s, transaction, cancellationToken: ct));
        }

        for (var i = 0; i < websites.Count; i++)
        {
            var w = websites[i]!;
            var known = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from registry_subjects where subject_filing_number = @SubjectFilingNumber)", w, transaction, cancellationToken: ct));
            if (!known)
            {
                await transaction.RollbackAsync(ct);
                return Problems.Field(context, $"websites[{i}].subjectFilingNumber", "registry-subject-unknown");
            }

            var withdrawn = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                """
                select exists (select 1 from registry_website_numbers n where n.website_filing_number = @WebsiteFilingNumber
                               and not exists (select 1 from registry_websites w where w.website_filing_number = n.website_filing_number))
                """, w, transaction, cancellationToken: ct));
            if (withdrawn)
            {
                await transaction.RollbackAsync(ct);
                return Problems.Field(context, $"websites[{i}].websiteFilingNumber", "website-filing-number-issued");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into registry_website_numbers (website_filing_number, subject_filing_number, serial)
                values (@WebsiteFilingNumber, @SubjectFilingNumber, @serial) on conflict (website_filing_number) do nothing;
                insert into registry_websites (website_filing_number, subject_filing_number, name)
                values (@WebsiteFilingNumber, @SubjectFilingNumber, @Name) on conflict (website_filing_number) do nothing;
                insert into registry_domains (domain, website_filing_number) values (@domain, @WebsiteFilingNumber)
                on conflict (domain) do update set website_filing_number = excluded.website_filing_number;
                insert into registry_accesses (website_filing_number, provider) values (@WebsiteFilingNumber, @Provider)
                on conflict do nothing;
                """,
                new { w.WebsiteFilingNumber, w.SubjectFilingNumber, w.Name, w.Provider, domain = domains[i], serial = FilingNumbers.SerialOf(w.WebsiteFilingNumber!) }, transaction, cancellationToken: ct));
        }

        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), context.Name(),
            "registry-inserted", "registry", "simulator", new { subjects = subjects.Count, websites = websites.Count }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { subjects = subjects.Count, websites = websites.Count });
    }

    private static ValidationErrors Validate(IReadOnlyList<SubjectRow?> subjects, IReadOnlyList<WebsiteRow?> websites, out string[] domains)
    {
        var errors = new ValidationErrors();
        if (subjects.Count + websites.Count is 0 or > 1000)
        {
            errors.Add("subjects", "registry-batch-size");
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var s = subjects[i];
            var path = $"subjects[{i}]";
            if (s is null) { errors.Add(path, "required"); continue; }
            if (!PersonDocuments.IsKnownCertificateType(s.CertificateType)) errors.Add($"{path}.certificateType", "invalid-choice", string.Join(", ", PersonDocuments.CertificateTypes));
            if (string.IsNullOrWhiteSpace(s.CertificateNumber) || s.CertificateNumber.Length > 40) errors.Add($"{path}.certificateNumber", "required");
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 100) errors.Add($"{path}.name", "required");
            if (!Provinces.IsKnown(s.Province)) errors.Add($"{path}.province", "province-unknown");
            if (!FilingNumbers.IsSubjectNumber(s.SubjectFilingNumber)) errors.Add($"{path}.subjectFilingNumber", "subject-filing-number-format");
            if (string.IsNullOrWhiteSpace(s.Provider) || s.Provider.Length > 32) errors.Add($"{path}.provider", "required");
        }

        domains = new string[websites.Count];
        for (var i = 0; i < websites.Count; i++)
        {
            var w = websites[i];
            var path = $"websites[{i}]";
            if (w is null) { errors.Add(path, "required"); continue; }
            if (!FilingNumbers.IsSubjectNumber(w.SubjectFilingNumber)) errors.Add($"{path}.subjectFilingNumber", "subject-filing-number-format");
            if (!FilingNumbers.IsWebsiteNumber(w.WebsiteFilingNumber) || FilingNumbers.SubjectOf(w.WebsiteFilingNumber!) != w.SubjectFilingNumber)
                errors.Add($"{path}.websiteFilingNumber", "website-filing-number-format");
            if (DomainName.TryNormalize(w.Domain, out var ascii)) domains[i] = ascii; else errors.Add($"{path}.domain", "domain-syntax");
            if (string.IsNullOrWhiteSpace(w.Provider) || w.Provider.Length > 32) errors.Add($"{path}.provider", "required");
        }

        return errors;
    }
}
