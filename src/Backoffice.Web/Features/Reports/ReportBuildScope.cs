using System.Text.Json;
using Backoffice.Reports;
using Backoffice.Web.Infrastructure;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// What a build covers, kept as report_builds.parameters: the period in China dates (a
/// public-security report's "as of" day is <see cref="To"/>), the filters and the workbook's language.
/// </summary>
public sealed record ReportBuildScope(DateOnly From, DateOnly To, string? FilingType, string? Province, string? Team, bool English)
{
    public ReportParameters For(string generatedBy, DateTimeOffset generatedAt) => new()
    {
        From = From, To = To, FilingType = FilingType, Province = Province, Team = Team, English = English,
        GeneratedBy = generatedBy, GeneratedAt = generatedAt,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonBody.Options);

    /// <summary>The stored parameters; throws when they cannot be read (the build then fails with that error).</summary>
    public static ReportBuildScope Parse(string json) =>
        JsonSerializer.Deserialize<ReportBuildScope>(json, JsonBody.Options) ?? throw new JsonException("The build has no parameters.");

    /// <summary>The stored parameters for display; null when they cannot be read.</summary>
    public static ReportBuildScope? TryParse(string json)
    {
        try
        {
            return Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The period a subscription covers when it fires: the <paramref name="days"/> China days before the firing day.</summary>
    public static (DateOnly From, DateOnly To) PeriodBefore(DateTimeOffset firedAt, int days)
    {
        var to = ChinaDay(firedAt).AddDays(-1);
        return (to.AddDays(1 - days), to);
    }

    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Workflows.Clock.ChinaTime.Zone).DateTime);
}
