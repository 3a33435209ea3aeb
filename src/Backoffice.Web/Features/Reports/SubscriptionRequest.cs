using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;
using Npgsql;
using Quartz;

namespace Backoffice.Web.Features.Reports;

/// <summary>A subscription as stored: what to build, when (a Quartz cron in China time, on working days only) and for whom.</summary>
public sealed record SubscriptionSpec(
    string Kind, string Cron, int PeriodDays, string? FilingType, string? Province, string? Team, bool English, IReadOnlyList<string> Recipients, bool Active);

/// <summary>A subscription from the API body or the reports page, checked field by field.</summary>
public sealed record SubscriptionRequest(
    string? Kind, string? Cron, int? PeriodDays, string? FilingType, string? Province, string? Team, string? Lang,
    IReadOnlyList<string?>? Recipients, bool? Active)
{
    public const int MaxRecipients = 20;

    /// <summary>The shortest time allowed between two runs.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    public async Task<(SubscriptionSpec? Spec, ValidationErrors Errors)> CheckAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var yesterday = ReportBuildScope.ChinaDay(now).AddDays(-1);
        var day = yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scope = await ReportBuildChecks.ScopeAsync(
            errors, connection, Kind, new ReportQuery(day, day, null, FilingType, Province, Team), Lang, yesterday.AddDays(1), ct);
        var cron = Cron?.Trim();
        CheckCron(errors, cron, now);
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
            ? (new SubscriptionSpec(Kind!, cron!, PeriodDays!.Value, scope!.FilingType, scope.Province, scope.Team, scope.English, recipients, Active ?? true), errors)
            : (null, errors);
    }

    /// <summary>A Quartz cron (seconds first) that fires again, at most once per <see cref="MinimumInterval"/>.</summary>
    private static void CheckCron(ValidationErrors errors, string? cron, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(cron))
        {
            errors.Add("cron", "required");
            return;
        }

        if (cron.Length > 120)
        {
            errors.Add("cron", "too-long", 120);
            return;
        }

        CronExpression expression;
        try
        {
            expression = new CronExpression(cron, ChinaTime.Zone);
        }
        catch (FormatException)
        {
            // Quartz's message is a developer's English; the user gets the expected form in their language.
            errors.Add("cron", cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5 ? "cron-five-fields" : "cron-invalid");
            return;
        }

        var previous = expression.GetNextValidTimeAfter(now);
        if (previous is null)
        {
            errors.Add("cron", "cron-never-fires");
            return;
        }

        for (var i = 0; i < 24 && expression.GetNextValidTimeAfter(previous.Value) is { } next; i++, previous = next)
        {
            if (next - previous.Value < MinimumInterval)
            {
                errors.Add("cron", "cron-too-frequent");
                return;
            }
        }
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
