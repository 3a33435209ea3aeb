using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Registry;

/// <summary>A subject newly filed by this provider, under the number just issued to it.</summary>
public sealed record FileSubject(
    string SubjectNumber, string CertificateType, string CertificateNumber, string Name, string? Nature, string Province, string Provider) : EngineWrite
{
    private const string Sql =
        """
        insert into registry_subjects (subject_filing_number, certificate_type, certificate_number, name, nature, province, provider)
        values ($1, $2, $3, $4, $5, $6, $7)
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, SubjectNumber, CertificateType, CertificateNumber, Name, DeferredWrites.Nullable(NpgsqlDbType.Text, Nature), Province, Provider);
}

/// <summary>
/// A website of a subject: with <see cref="Serial"/>, a number just issued (recorded so that it is never issued again) and
/// its website; without, a website already numbered, kept as it is when still filed.
/// </summary>
public sealed record FileWebsite(string WebsiteNumber, string SubjectNumber, string? Name, int? Serial) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes)
    {
        var name = DeferredWrites.Nullable(NpgsqlDbType.Text, Name);
        if (Serial is { } serial)
        {
            writes.Add("insert into registry_website_numbers (website_filing_number, subject_filing_number, serial) values ($1, $2, $3)",
                WebsiteNumber, SubjectNumber, serial);
            writes.Add("insert into registry_websites (website_filing_number, subject_filing_number, name) values ($1, $2, $3)", WebsiteNumber, SubjectNumber, name);
        }
        else
        {
            writes.Add(
                "insert into registry_websites (website_filing_number, subject_filing_number, name) values ($1, $2, $3) on conflict (website_filing_number) do nothing",
                WebsiteNumber, SubjectNumber, name);
        }
    }
}

/// <summary>A website's domains; a domain filed already stays with its website.</summary>
public sealed record FileDomains(string WebsiteNumber, IReadOnlyList<string> Domains) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) =>
        writes.Add("insert into registry_domains (domain, website_filing_number) select unnest($1::text[]), $2 on conflict (domain) do nothing",
            Domains.ToArray(), WebsiteNumber);
}

/// <summary>The provider's access to a website (its access resource), replacing the one it had.</summary>
public sealed record GrantAccess(string WebsiteNumber, string Provider, string? Kind, string? Value) : EngineWrite
{
    private const string Sql =
        """
        insert into registry_accesses (website_filing_number, provider, access_kind, access_value) values ($1, $2, $3, $4)
        on conflict (website_filing_number, provider) do update set access_kind = excluded.access_kind, access_value = excluded.access_value
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, WebsiteNumber, Provider, DeferredWrites.Nullable(NpgsqlDbType.Text, Kind), DeferredWrites.Nullable(NpgsqlDbType.Text, Value));
}

/// <summary>The provider no longer accesses the website.</summary>
public sealed record CancelAccess(string WebsiteNumber, string Provider) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) =>
        writes.Add("delete from registry_accesses where website_filing_number = $1 and provider = $2", WebsiteNumber, Provider);
}

/// <summary>A website deregistered: its accesses, domains and the website go; its number stays issued.</summary>
public sealed record DeregisterWebsite(string WebsiteNumber) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes)
    {
        writes.Add("delete from registry_accesses where website_filing_number = $1", WebsiteNumber);
        writes.Add("delete from registry_domains where website_filing_number = $1", WebsiteNumber);
        writes.Add("delete from registry_websites where website_filing_number = $1", WebsiteNumber);
    }
}

/// <summary>A subject deregistered: its websites' accesses and domains, its websites and the subject go.</summary>
public sealed record DeregisterSubject(string SubjectNumber) : EngineWrite
{
    private const string OfSubject = "website_filing_number in (select website_filing_number from registry_websites where subject_filing_number = $1)";

    internal override void AddTo(DeferredWrites writes)
    {
        writes.Add($"delete from registry_accesses where {OfSubject}", SubjectNumber);
        writes.Add($"delete from registry_domains where {OfSubject}", SubjectNumber);
        writes.Add("delete from registry_websites where subject_filing_number = $1", SubjectNumber);
        writes.Add("delete from registry_subjects where subject_filing_number = $1", SubjectNumber);
    }
}

/// <summary>A subject's name changed.</summary>
public sealed record RenameSubject(string SubjectNumber, string Name) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) =>
        writes.Add("update registry_subjects set name = $1 where subject_filing_number = $2", Name, SubjectNumber);
}

/// <summary>A website changed: its name, its domains (replaced; a domain filed for another website stays there) and the provider's access.</summary>
public sealed record ChangeWebsite(string WebsiteNumber, string? Name, IReadOnlyList<string> Domains, string Provider, string? Kind, string? Value) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes)
    {
        writes.Add("update registry_websites set name = $1 where website_filing_number = $2", DeferredWrites.Nullable(NpgsqlDbType.Text, Name), WebsiteNumber);
        writes.Add("delete from registry_domains where website_filing_number = $1", WebsiteNumber);
        new FileDomains(WebsiteNumber, Domains).AddTo(writes);
        writes.Add("update registry_accesses set access_kind = $1, access_value = $2 where website_filing_number = $3 and provider = $4",
            DeferredWrites.Nullable(NpgsqlDbType.Text, Kind), DeferredWrites.Nullable(NpgsqlDbType.Text, Value), WebsiteNumber, Provider);
    }
}
