using System.Globalization;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Validation;
using Quartz;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// When a subscription runs, in China time: every day, every week on chosen weekdays or every month on
/// a day, at a time of day, on working days only or on every day; or (admins only) a Quartz cron.
/// Kept as the Quartz cron its trigger runs on (<see cref="Cron"/>) beside the fields people chose.
/// </summary>
public sealed record ReportSchedule(string Frequency, TimeOnly? At, IReadOnlyList<string> Weekdays, int? MonthDay, bool WorkingDaysOnly, string Cron)
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string CronFrequency = "cron";

    /// <summary>The last day every month has.</summary>
    public const int LastMonthDay = 28;

    /// <summary>The shortest time allowed between two runs of a cron.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    private static readonly string[] WeekdayCodes = [.. LabelCatalogue.Entries(LabelSet.Weekday).Keys];
    private static readonly string[] QuartzDays = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    /// <summary>
    /// The schedule of a request's fields, or null with their errors. A request that names no frequency
    /// but a cron is a cron schedule (subscriptions made before the other schedules were offered).
    /// </summary>
    public static ReportSchedule? Check(
        ValidationErrors errors, string? frequency, string? at, IReadOnlyList<string?>? weekdays, int? monthDay, bool? workingDaysOnly, string? cron, DateTimeOffset now)
    {
        var before = errors.All.Count;
        frequency = string.IsNullOrWhiteSpace(frequency) ? (string.IsNullOrWhiteSpace(cron) ? null : CronFrequency) : frequency.Trim();
        var working = workingDaysOnly ?? true;
        switch (frequency)
        {
            case null:
                errors.Add("frequency", "required");
                return null;
            case CronFrequency:
                cron = cron?.Trim();
                return CheckCron(errors, cron, now) ? new ReportSchedule(CronFrequency, null, [], null, working, cron!) : null;
            case Daily or Weekly or Monthly:
                break;
            default:
                errors.Add("frequency", "invalid-choice", string.Join(", ", LabelCatalogue.Entries(LabelSet.ScheduleFrequency).Keys));
                return null;
        }

        var time = Time(errors, at);
        var days = frequency == Weekly ? Days(errors, weekdays) : [];
        if (frequency == Monthly && monthDay is not (>= 1 and <= LastMonthDay))
        {
            errors.Add("monthDay", monthDay is null ? "required" : "month-day-range", LastMonthDay);
        }

        if (time is not { } t || errors.All.Count > before)
        {
            return null;
        }

        var when = $"0 {t.Minute} {t.Hour}";
        var expression = frequency switch
        {
            Daily => $"{when} ? * *",
            Weekly => $"{when} ? * {string.Join(',', days.Select(d => QuartzDays[Array.IndexOf(WeekdayCodes, d)]))}",
            _ => $"{when} {monthDay} * ?",
        };
        return new ReportSchedule(frequency, t, days, frequency == Monthly ? monthDay : null, working, expression);
    }

    /// <summary>"每周一、周三 09:00（仅工作日）" in the language asked for; a cron as it is.</summary>
    public string Describe(bool english)
    {
        if (Frequency == CronFrequency)
        {
            return Cron;
        }

        var time = At!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = Frequency switch
        {
            Weekly => english
                ? $"every {LabelCatalogue.Join(LabelSet.Weekday, Weekdays, true)}"
                : $"每{LabelCatalogue.Join(LabelSet.Weekday, Weekdays, false)}",
            Monthly => english ? $"on day {MonthDay} of every month" : $"每月 {MonthDay} 日",
            _ => english ? "every day" : "每天",
        };
        var working = WorkingDaysOnly ? (english ? ", working days only" : "（仅工作日）") : "";
        return english ? $"{time} {days}{working}" : $"{days} {time}{working}";
    }

    /// <summary>A run as people read it: "2026-12-07 09:00 周一" (China time).</summary>
    public static string RunText(DateTimeOffset run, bool english)
    {
        var day = TimeZoneInfo.ConvertTime(run, ChinaTime.Zone).DayOfWeek;
        return $"{Infrastructure.ChinaClock.Text(run)} {LabelCatalogue.Of(LabelSet.Weekday, WeekdayCodes[((int)day + 6) % 7], english)}";
    }

    /// <summary>The weekdays in the week's order, each once.</summary>
    private static string[] Days(ValidationErrors errors, IReadOnlyList<string?>? weekdays)
    {
        var given = (weekdays ?? []).Select(d => d?.Trim().ToLowerInvariant()).ToList();
        if (given.Count == 0)
        {
            errors.Add("weekdays", "weekdays-required");
            return [];
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (!WeekdayCodes.Contains(given[i]))
            {
                errors.Add($"weekdays[{i}]", "invalid-choice", string.Join(", ", WeekdayCodes));
            }
        }

        return errors.All.Any(e => e.Path.StartsWith("weekdays", StringComparison.Ordinal))
            ? []
            : [.. WeekdayCodes.Where(given.Contains)];
    }

    private static TimeOnly? Time(ValidationErrors errors, string? at)
    {
        if (string.IsNullOrWhiteSpace(at))
        {
            errors.Add("time", "required");
            return null;
        }

        if (!TimeOnly.TryParseExact(at.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add("time", "time-format");
            return null;
        }

        return time;
    }

    /// <summary>A Quartz cron (seconds first) that fires again, at most once per <see cref="MinimumInterval"/>.</summary>
    private static bool CheckCron(ValidationErrors errors, string? cron, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(cron))
        {
            errors.Add("cron", "required");
            return false;
        }

        if (cron.Length > 120)
        {
            errors.Add("cron", "too-long", 120);
            return false;
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
            return false;
        }

        var previous = expression.GetNextValidTimeAfter(now);
        if (previous is null)
        {
            errors.Add("cron", "cron-never-fires");
            return false;
        }

        for (var i = 0; i < 24 && expression.GetNextValidTimeAfter(previous.Value) is { } next; i++, previous = next)
        {
            if (next - previous.Value < MinimumInterval)
            {
                errors.Add("cron", "cron-too-frequent");
                return false;
            }
        }

        return true;
    }
}
