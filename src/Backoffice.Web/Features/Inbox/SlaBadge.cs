using System.Globalization;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// A task's SLA at a glance: the working time left until its due time on the working-day calendar,
/// "soon" under <see cref="SoonHours"/> working hours, "breached" once passed.
/// </summary>
public sealed record SlaBadge(string Css, string Zh, string En)
{
    public const double SoonHours = 4;

    public static SlaBadge Of(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset due, bool open)
    {
        if (!open)
        {
            return new("neutral", "已结束", "closed");
        }

        var hours = calendar.WorkingHoursBetween(now, due);
        if (due <= now)
        {
            var late = Format(-hours);
            return new("bad", $"已超时 {late.Zh}", $"breached {late.En} ago");
        }

        var left = Format(hours);
        return new(hours < SoonHours ? "warn" : "ok", $"剩余 {left.Zh}", $"{left.En} left");
    }

    /// <summary>Working hours as "3.5 工时" below a working day, else "2.1 工作日" (8 working hours a day).</summary>
    private static (string Zh, string En) Format(double hours)
    {
        var culture = CultureInfo.InvariantCulture;
        return hours < 8
            ? ($"{hours.ToString("0.#", culture)} 工时", $"{hours.ToString("0.#", culture)} working h")
            : ($"{(hours / 8).ToString("0.#", culture)} 工作日", $"{(hours / 8).ToString("0.#", culture)} working days");
    }
}
