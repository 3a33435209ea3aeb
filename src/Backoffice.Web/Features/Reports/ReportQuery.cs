using System.Globalization;
using Backoffice.Reports;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// The query of a report: the period (<c>from</c>, <c>to</c>) or the day (<c>asOf</c>, today when
/// left out) and the filters the report takes. Checked field by field into <see cref="ReportParameters"/>.
/// </summary>
public sealed record ReportQuery(string? From, string? To, string? AsOf, string? FilingType, string? Province, string? Team)
{
    /// <summary>The longest period a report covers: a leap year.</summary>
    public const int MaxPeriodDays = 366;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>The query fields each report takes; any other of these fields is refused.</summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        [Report.Sla] = ["from", "to", "filingType", "province", "team"],
        [Report.BureauResults] = ["from", "to", "filingType", "province"],
        [Report.PublicSecurity] = ["asOf", "filingType", "province"],
    };

    public static ReportQuery Of(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        return new ReportQuery(Value("from"), Value("to"), Value("asOf"), Value("filingType"), Value("province"), Value("team"));
    }

    /// <param name="teams">The ids of the reviewer teams.</param>
    /// <param name="today">Today in China, the default and the latest as-of day.</param>
    public ReportParameters? Validate(
        string kind, ValidationErrors errors, IReadOnlyCollection<string> teams, DateOnly today, bool english, string generatedBy, DateTimeOffset generatedAt)
    {
        var taken = Fields[kind];
        foreach (var (name, value) in Given())
        {
            if (!string.IsNullOrWhiteSpace(value) && !taken.Contains(name))
            {
                errors.Add(name, "report-filter-unsupported");
            }
        }

        DateOnly from, to;
        if (kind == Report.PublicSecurity)
        {
            to = string.IsNullOrWhiteSpace(AsOf) ? today : Date(errors, "asOf", AsOf) ?? today;
            from = to;
            if (!errors.Has("asOf") && to > today)
            {
                errors.Add("asOf", "report-as-of-future", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        else
        {
            from = Date(errors, "from", From) ?? default;
            to = Date(errors, "to", To) ?? default;
            if (!errors.Has("from") && !errors.Has("to"))
            {
                if (to < from)
                {
                    errors.Add("to", "report-period-order");
                }
                else if (to.DayNumber - from.DayNumber + 1 > MaxPeriodDays)
                {
                    errors.Add("to", "report-period-too-long", MaxPeriodDays);
                }
            }
        }

        var filingType = Filter(FilingType);
        var province = Filter(Province);
        var team = Filter(Team);
        if (filingType is not null && !Backoffice.Workflows.Filings.FilingType.IsKnown(filingType))
        {
            errors.Add("filingType", "invalid-choice", string.Join(", ", Backoffice.Workflows.Filings.FilingType.Labels.Keys));
        }

        if (province is not null && !Provinces.IsKnown(province))
        {
            errors.Add("province", "province-unknown");
        }

        if (team is not null && taken.Contains("team") && !teams.Contains(team))
        {
            errors.Add("team", "invalid-choice", string.Join(", ", teams));
        }

        return errors.IsEmpty
            ? new ReportParameters
            {
                From = from, To = to, FilingType = filingType, Province = province, Team = team, English = english,
                GeneratedBy = generatedBy, GeneratedAt = generatedAt,
            }
            : null;
    }

    private IEnumerable<(string Name, string? Value)> Given() =>
        [("from", From), ("to", To), ("asOf", AsOf), ("filingType", FilingType), ("province", Province), ("team", Team)];

    /// <summary>An empty filter covers everything, as when it is left out.</summary>
    private static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "required");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "date-format");
            return null;
        }

        if (date < Earliest || date > Latest)
        {
            errors.Add(field, "report-date-range");
            return null;
        }

        return date;
    }
}
