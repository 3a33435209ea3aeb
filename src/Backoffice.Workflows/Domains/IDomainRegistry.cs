using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Domains;

/// <summary>What a domain's registrar says about it: who holds it, whether it is real-name verified, until when it is registered.</summary>
public sealed record DomainRegistration
{
    public string Domain { get; init; } = "";
    public string Registrar { get; init; } = "";
    public string HolderName { get; init; } = "";
    public string CertificateType { get; init; } = "";
    public string CertificateNumber { get; init; } = "";
    public bool RealNameVerified { get; init; }
    public DateOnly ExpiresOn { get; init; }
}

/// <summary>The registrars' lookup (域名实名、持有者、有效期). Domains a registrar does not answer for are left out.</summary>
public interface IDomainRegistry
{
    Task<IReadOnlyList<DomainRegistration>> LookupAsync(NpgsqlConnection connection, IReadOnlyCollection<string> domains, CancellationToken ct);
}

/// <summary>Stands in for the registrars: answers from domain_registrations, which test mode sets.</summary>
public sealed class DomainRegistrySimulator : IDomainRegistry
{
    public async Task<IReadOnlyList<DomainRegistration>> LookupAsync(NpgsqlConnection connection, IReadOnlyCollection<string> domains, CancellationToken ct) =>
        (await connection.QueryAsync<DomainRegistration>(new CommandDefinition(
            """
            select domain, registrar, holder_name, certificate_type, certificate_number, real_name_verified, expires_on
            from domain_registrations where domain = any(@domains)
            """, new { domains = domains.ToArray() }, cancellationToken: ct))).AsList();
}
