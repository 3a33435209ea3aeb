using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// A manager's request for a build, from the API body or the reports page: the kind, the period
/// (from/to, or asOf for the public-security report), the filters and the language (zh or en).
/// </summary>
public sealed record ReportBuildRequest(
    string? Kind, string? From, string? To, string? AsOf, string? FilingType, string? Province, string? Team, string? Lang)
{
    /// <summary>The build's scope, or every field error (then nothing may be stored).</summary>
    public async Task<(ReportBuildScope? Scope, ValidationErrors Errors)> CheckAsync(NpgsqlConnection connection, DateOnly today, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var scope = await ReportBuildChecks.ScopeAsync(
            errors, connection, Kind, new ReportQuery(From, To, AsOf, FilingType, Province, Team), Lang, today, ct);
        return (scope, errors);
    }
}
