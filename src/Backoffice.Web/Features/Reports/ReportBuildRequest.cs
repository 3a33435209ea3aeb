using Backoffice.Reports;
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
    public async Task<(ReportBuildScope? Scope, ValidationErrors Errors)> CheckAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ReportBuildChecks.Kind(errors, Kind);
        DateOnly? from, to;
        if (Kind == Report.PublicSecurity)
        {
            from = to = ReportBuildChecks.Date(errors, "asOf", AsOf);
        }
        else
        {
            from = ReportBuildChecks.Date(errors, "from", From);
            to = ReportBuildChecks.Date(errors, "to", To);
            if (from > to)
            {
                errors.Add("to", "period-order");
            }
            else if (to?.DayNumber - from?.DayNumber >= ReportBuildChecks.MaxPeriodDays)
            {
                errors.Add("to", "period-too-long", ReportBuildChecks.MaxPeriodDays);
            }
        }

        var filters = await ReportBuildChecks.FiltersAsync(errors, connection, FilingType, Province, Team, Lang, ct);
        return errors.IsEmpty
            ? (new ReportBuildScope(from!.Value, to!.Value, filters.FilingType, filters.Province, filters.Team, filters.English), errors)
            : (null, errors);
    }
}
