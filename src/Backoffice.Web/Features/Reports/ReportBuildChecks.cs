using System.Globalization;
using Backoffice.Reports;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>The field checks shared by build requests and subscriptions: kind, dates, filters and language.</summary>
public static class ReportBuildChecks
{
    public const int MaxPeriodDays = 366;

    public static void Kind(ValidationErrors errors, string? kind)
    {
        if (kind is null || !Report.Kinds.Contains(kind))
        {
            errors.Add("kind", "invalid-choice", string.Join(", ", Report.Kinds));
        }
    }

    /// <summary>A yyyy-MM-dd date between 2000 and 2100; null (with an error when required) otherwise.</summary>
    public static DateOnly? Date(ValidationErrors errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "required");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(path, "date-format");
            return null;
        }

        if (date.Year is < 2000 or > 2100)
        {
            errors.Add(path, "date-range");
            return null;
        }

        return date;
    }

    /// <summary>Filing type, province and team filters (null or empty: all) and the language (zh or en).</summary>
    public static async Task<(string? FilingType, string? Province, string? Team, bool English)> FiltersAsync(
        ValidationErrors errors, NpgsqlConnection connection, string? filingType, string? province, string? team, string? lang, CancellationToken ct)
    {
        filingType = Blank(filingType);
        province = Blank(province);
        team = Blank(team);
        if (filingType is not null && !Workflows.Filings.FilingType.Labels.ContainsKey(filingType))
        {
            errors.Add("filingType", "invalid-choice", string.Join(", ", Workflows.Filings.FilingType.Labels.Keys));
        }

        if (province is not null && Provinces.All.All(p => p.Code != province))
        {
            errors.Add("province", "province-unknown");
        }

        if (team is not null && (team.Length > 64 || !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from teams where id = @team)", new { team }, commandTimeout: 30, cancellationToken: ct))))
        {
            errors.Add("team", "team-unknown");
        }

        lang = Blank(lang) ?? "zh";
        if (lang is not ("zh" or "en"))
        {
            errors.Add("lang", "invalid-choice", "zh, en");
        }

        return (filingType, province, team, lang == "en");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
