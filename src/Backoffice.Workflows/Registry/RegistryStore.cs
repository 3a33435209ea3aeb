using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Registry;

/// <summary>Reads of the filing registry (this provider's records and the national registry it mirrors).</summary>
public sealed class RegistryStore(string providerCode)
{
    public string ProviderCode => providerCode;

    public Task<RegistrySubject?> FindSubjectAsync(
        NpgsqlConnection connection, string certificateType, string certificateNumber, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<RegistrySubject>(new CommandDefinition(
            SubjectSql + " where s.certificate_type = @certificateType and s.certificate_number = @certificateNumber",
            new { certificateType, certificateNumber, provider = providerCode }, cancellationToken: cancellationToken));

    public Task<RegistrySubject?> FindSubjectByNumberAsync(
        NpgsqlConnection connection, string subjectFilingNumber, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<RegistrySubject>(new CommandDefinition(
            SubjectSql + " where s.subject_filing_number = @subjectFilingNumber",
            new { subjectFilingNumber, provider = providerCode }, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<RegistryDomain>> FindDomainsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> asciiDomains, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RegistryDomain>(new CommandDefinition(
            """
            select d.domain, d.website_filing_number, w.subject_filing_number,
                   coalesce(array_agg(a.provider order by a.provider) filter (where a.provider is not null), '{}') as providers
            from registry_domains d
            join registry_websites w on w.website_filing_number = d.website_filing_number
            left join registry_accesses a on a.website_filing_number = d.website_filing_number
            where d.domain = any(@domains)
            group by d.domain, d.website_filing_number, w.subject_filing_number
            """,
            new { domains = asciiDomains.ToArray() }, cancellationToken: cancellationToken))).AsList();

    /// <summary>The domains filed on the websites of a subject, in ASCII (punycode) form.</summary>
    public async Task<IReadOnlyList<string>> FindSubjectDomainsAsync(
        NpgsqlConnection connection, string subjectFilingNumber, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            """
            select d.domain from registry_domains d
            join registry_websites w on w.website_filing_number = d.website_filing_number
            where w.subject_filing_number = @subjectFilingNumber order by d.domain
            """,
            new { subjectFilingNumber }, cancellationToken: cancellationToken))).AsList();

    public Task<RegistryWebsite?> FindWebsiteAsync(
        NpgsqlConnection connection, string websiteFilingNumber, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<RegistryWebsite>(new CommandDefinition(
            """
            select w.website_filing_number, w.subject_filing_number, w.name,
                   coalesce((select array_agg(d.domain order by d.domain) from registry_domains d
                             where d.website_filing_number = w.website_filing_number), '{}') as domains,
                   coalesce((select array_agg(a.provider order by a.provider) from registry_accesses a
                             where a.website_filing_number = w.website_filing_number), '{}') as providers
            from registry_websites w where w.website_filing_number = @websiteFilingNumber
            """,
            new { websiteFilingNumber }, cancellationToken: cancellationToken));

    private const string SubjectSql =
        """
        select s.subject_filing_number, s.certificate_type, s.certificate_number, s.name, s.nature, s.province, s.provider,
               (s.provider = @provider or exists (
                   select 1 from registry_websites w
                   join registry_accesses a on a.website_filing_number = w.website_filing_number
                   where w.subject_filing_number = s.subject_filing_number and a.provider = @provider)) as filed_here
        from registry_subjects s
        """;
}
