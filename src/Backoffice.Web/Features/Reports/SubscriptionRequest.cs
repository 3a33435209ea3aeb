using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>A subscription as stored: what to build, when (<see cref="ReportSchedule"/>, China time) and for whom.</summary>
public sealed record SubscriptionSpec(
    string Kind, ReportSchedule Schedule, int PeriodDays, string? FilingType, string? Province, string? Team, bool English, IReadOnlyList<string> Recipients, bool Active);

/// <summary>
/// A subscription from the API body or the reports page, checked field by field. Its schedule is a
/// frequency (daily, weekly on <see cref="Weekdays"/>, monthly on <see cref="MonthDay"/>) at a
/// <see cref="Time"/>, or a Quartz <see cref="Cron"/>, which admins alone may send.
/// </summary>
public sealed record SubscriptionRequest(
    string? Kind, string? Cron, int? PeriodDays, string? FilingType, string? Province, string? Team, string? Lang,
    IReadOnlyList<string?>? Recipients, bool? Active,
    string? Frequency = null, string? Time = null, IReadOnlyList<string?>? Weekdays = null, int? MonthDay = null, bool? WorkingDaysOnly = null)
{
    public const int MaxRecipients = 20;

    /// <summary>Whether the request writes a Quartz cron (admins only).</summary>
    public bool SendsCron => !string.IsNullOrWhiteSpace(Cron) || Frequency?.Trim() == ReportSchedule.CronFrequency;

    /// <summary>The schedule alone, for the next runs shown before saving.</summary>
    public ReportSchedule? CheckSchedule(ValidationErrors errors, DateTimeOffset now) =>
        ReportSchedule.Check(errors, Frequency, Time, Weekdays, MonthDay, WorkingDaysOnly, Cron, now);

    public async Task<(SubscriptionSpec? Spec, ValidationErrors Errors)> CheckAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var yesterday = ReportBuildScope.ChinaDay(now).AddDays(-1);
        var day = yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scope = await ReportBuildChecks.ScopeAsync(
            errors, connection, Kind,
            Kind == Backoffice.Reports.Report.PublicSecurity
                ? new ReportQuery(null, null, day, FilingType, Province, Team)
                : new ReportQuery(day, day, null, FilingType, Province, Team),
            Lang, yesterday.AddDays(1), ct);
        var schedule = CheckSchedule(errors, now);
        if (PeriodDays is null)
        {
            errors.Add("periodDays", "required");
        }
        else if (PeriodDays is < 1 or > ReportQuery.MaxPeriodDays)
        {
            errors.Add("periodDays", "period-days-range");
        }

        var recipients = CheckRecipients(errors);
        return errors.IsEmpty
            ? (new SubscriptionSpec(Kind!, schedule!, PeriodDays!.Value, scope!.FilingType, scope.Province, scope.Team, scope.English, recipients, Active ?? true), errors)
            : (null, errors);
    }

    private List<string> CheckRecipients(ValidationErrors errors)
    {
        var recipients = (Recipients ?? []).Select(r => r?.Trim() ?? "").ToList();
        if (recipients.Count is 0 or > MaxRecipients)
        {
            errors.Add("recipients", "recipients-count", MaxRecipients);
            return recipients;
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            if (!ContactRules.IsEmail(recipients[i]))
            {
                errors.Add($"recipients[{i}]", "email-format");
            }
        }

        if (recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count() != recipients.Count)
        {
            errors.Add("recipients", "duplicate-values");
        }

        return recipients;
    }
}
