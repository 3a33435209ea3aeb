namespace Backoffice.Workflows.Filings;

/// <summary>
/// An order as the console sends it. Every member is nullable so that a missing field is
/// reported by the validator with its path instead of failing deserialization.
/// </summary>
public sealed record FilingOrderRequest
{
    public string? FilingType { get; init; }
    public string? VerificationMethod { get; init; }
    public SubjectInfo? Subject { get; init; }
    public IReadOnlyList<WebsiteInfo?>? Websites { get; init; }
    public string? SubjectFilingNumber { get; init; }
    public string? WebsiteFilingNumber { get; init; }
    public string? FilingPassword { get; init; }
    public string? Remark { get; init; }

    /// <summary>The console's customer account the order belongs to (optional; required where the provider's account rule is on).</summary>
    public AccountInfo? Account { get; init; }
}

/// <summary>The customer account at the provider: its id and the real name it was verified under (实名).</summary>
public sealed record AccountInfo
{
    public string? Id { get; init; }
    public string? RealName { get; init; }
}

public sealed record SubjectInfo
{
    public string? Nature { get; init; }
    public string? Province { get; init; }
    public string? Name { get; init; }
    public string? CertificateType { get; init; }
    public string? CertificateNumber { get; init; }
    public string? CertificateAddress { get; init; }
    public string? MailingAddress { get; init; }
    public string? AddressRemark { get; init; }
    public string? InvestorOrAuthority { get; init; }
    public PrincipalInfo? Principal { get; init; }
    public string? Remark { get; init; }
}

public sealed record PrincipalInfo
{
    public string? Name { get; init; }
    public string? CertificateType { get; init; }
    public string? CertificateNumber { get; init; }
    public string? Mobile { get; init; }
    public string? OfficePhone { get; init; }
    public string? Email { get; init; }
    public bool? IsLegalRepresentative { get; init; }
}

public sealed record WebsiteInfo
{
    public string? Name { get; init; }
    public IReadOnlyList<string?>? Domains { get; init; }
    public IReadOnlyList<string?>? HomepageUrls { get; init; }
    public string? ServiceContent { get; init; }
    public IReadOnlyList<string?>? PreApprovals { get; init; }
    public IReadOnlyList<string?>? Languages { get; init; }
    public AccessResourceInfo? AccessResource { get; init; }
    public PrincipalInfo? Principal { get; init; }
    public string? Remark { get; init; }

    /// <summary>What the console knows of each domain's registration (optional, one per domain at most).</summary>
    public IReadOnlyList<DomainHolderInfo?>? DomainHolders { get; init; }
}

/// <summary>A domain's holder as registered (域名持有者): name, certificate, registrar and expiry date (yyyy-MM-dd).</summary>
public sealed record DomainHolderInfo
{
    public string? Domain { get; init; }
    public string? Name { get; init; }
    public string? CertificateType { get; init; }
    public string? CertificateNumber { get; init; }
    public string? Registrar { get; init; }
    public string? ExpiresOn { get; init; }
}

public sealed record AccessResourceInfo
{
    public string? Kind { get; init; }
    public string? Value { get; init; }
}
