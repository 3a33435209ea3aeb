namespace Backoffice.Workflows.Filings;

/// <summary>An order's columns as stored (the body stays jsonb text).</summary>
public sealed record FilingOrderRow
{
    public Guid Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public string FilingType { get; init; } = "";
    public string Status { get; init; } = "";
    public string Province { get; init; } = "";
    public string? SubjectNature { get; init; }
    public string SubjectName { get; init; } = "";
    public string SubjectCertificateType { get; init; } = "";
    public string SubjectCertificateNumber { get; init; } = "";
    public string? SubjectFilingNumber { get; init; }
    public string? WebsiteFilingNumber { get; init; }
    public string? VerificationMethod { get; init; }
    public string Body { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int RowVersion { get; init; }
    public string[] WebsiteFilingNumbers { get; init; } = [];
    public string? PublicSecurityNumber { get; init; }
    public int BureauAttempts { get; init; }
}
