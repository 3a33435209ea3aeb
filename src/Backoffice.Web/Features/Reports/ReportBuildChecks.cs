using Backoffice.Reports;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// The checks of a build's request and of a subscription: the kind and the workbook's language
/// here, the period and the filters by <see cref="ReportQuery"/> as for a download.
/// </summary>
public static class ReportBuildChecks
{
    /// <summary>
    /// The scope of a report of <paramref name="kind"/>, or null with the errors of the query's fields. A
    /// period field the report does not take is refused as for a download (a public-security report's
    /// <c>from</c>), never dropped unread.
    /// </summary>
    public static async Task<ReportBuildScope?> ScopeAsync(
        ValidationErrors errors, NpgsqlConnection connection, string? kind, ReportQuery query, string? lang, DateOnly today, CancellationToken ct)
    {
        if (kind is null || !Report.Kinds.Contains(kind))
        {
            errors.Add("kind", "invalid-choice", string.Join(", ", Report.Kinds));
        }

        lang = string.IsNullOrWhiteSpace(lang) ? "zh" : lang.Trim();
        if (lang is not ("zh" or "en"))
        {
            errors.Add("lang", "invalid-choice", "zh, en");
        }

        if (errors.Has("kind"))
        {
            return null;
        }

        var teams = (await connection.QueryAsync<string>(new CommandDefinition(
            "select id from teams order by id", commandTimeout: 30, cancellationToken: ct))).AsList();
        var parameters = query.Validate(kind!, errors, teams, today, lang == "en", "", default);
        return errors.IsEmpty ? new ReportBuildScope(parameters!.From, parameters.To, parameters.FilingType, parameters.Province, parameters.Team, parameters.English) : null;
    }

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(TimeProvider clock) => ReportBuildScope.ChinaDay(clock.GetUtcNow());
}
