using Backoffice.Reports;

namespace Backoffice.Web.Features.Reports;

/// <summary>One build in the archive, as the API and the reports page show it (without its file).</summary>
public sealed record ArchiveEntry
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string Parameters { get; init; } = "";
    public string Status { get; init; } = "";
    public int Progress { get; init; }
    public long RowsRead { get; init; }
    public string RequestedBy { get; init; } = "";

    /// <summary>The display name of who asked, for the page (the API keeps the login).</summary>
    public string? RequestedByName { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public Guid? SubscriptionId { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? FileName { get; init; }
    public long? SizeBytes { get; init; }
    public string? Error { get; init; }

    public ReportBuildScope? Scope => ReportBuildScope.TryParse(Parameters);

    public bool Pending => Status is "queued" or "running";

    public string Title(bool english) => Report.Kinds.Contains(Kind) ? Report.Title(Kind, english) : Kind;

    /// <summary>The API's shape: parameters as fields, the file's address once done.</summary>
    public object ToApi(bool english) => new
    {
        Id,
        Kind,
        Title = Title(english),
        Parameters = Scope is { } s
            ? new
            {
                From = Kind == Report.PublicSecurity ? null : s.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                To = Kind == Report.PublicSecurity ? null : s.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                AsOf = Kind == Report.PublicSecurity ? s.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                s.FilingType,
                s.Province,
                s.Team,
                Lang = s.English ? "en" : "zh",
            }
            : null,
        Status,
        Progress,
        RowsRead,
        RequestedBy,
        RequestedAt,
        SubscriptionId,
        StartedAt,
        FinishedAt,
        FileName,
        SizeBytes,
        Error,
        FileUrl = Status == "done" ? $"/api/reports/builds/{Id}/file" : null,
    };
}
