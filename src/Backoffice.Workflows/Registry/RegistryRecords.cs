namespace Backoffice.Workflows.Registry;

/// <summary>A subject in the registry; <see cref="FiledHere"/> when this provider filed it or accesses one of its websites.</summary>
public sealed record RegistrySubject
{
    public string SubjectFilingNumber { get; init; } = "";
    public string CertificateType { get; init; } = "";
    public string CertificateNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Nature { get; init; }
    public string Province { get; init; } = "";
    public string Provider { get; init; } = "";
    public bool FiledHere { get; init; }
}

/// <summary>A filed domain with its website, subject, and the providers that access the website.</summary>
public sealed record RegistryDomain
{
    public string Domain { get; init; } = "";
    public string WebsiteFilingNumber { get; init; } = "";
    public string SubjectFilingNumber { get; init; } = "";
    public string[] Providers { get; init; } = [];
}

/// <summary>A website in the registry with its domains and access providers.</summary>
public sealed record RegistryWebsite
{
    public string WebsiteFilingNumber { get; init; } = "";
    public string SubjectFilingNumber { get; init; } = "";
    public string? Name { get; init; }
    public string[] Domains { get; init; } = [];
    public string[] Providers { get; init; } = [];
}
