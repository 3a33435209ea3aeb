namespace Backoffice.Web.Features.Filings;

/// <summary>An order that passed validation and resolution, with what the database rules need.</summary>
public sealed record PreparedOrder(
    string FilingType, string Province, string? Nature, string SubjectName, string CertificateType, string CertificateNumber,
    string? SubjectFilingNumber, string? WebsiteFilingNumber, IReadOnlyList<PreparedWebsite> Websites)
{
    /// <summary>Codes of <see cref="Backoffice.Workflows.Filings.FilingWarnings"/> the order's creator is told.</summary>
    public IReadOnlyList<string> WarningCodes { get; init; } = [];

    /// <summary>The customer account the console names, if any.</summary>
    public string? AccountId { get; init; }
}

/// <summary>A website of the order: its domains in ASCII (punycode) form and its access resource.</summary>
public sealed record PreparedWebsite(int Index, string Name, string[] Domains, string? AccessKind, string? AccessValue);
