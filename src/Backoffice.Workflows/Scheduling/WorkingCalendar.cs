using System.Collections.Frozen;
using System.Globalization;
using Backoffice.Workflows.Clock;

namespace Backoffice.Workflows.Scheduling;

/// <summary>
/// The Chinese working-day calendar (工作日): Monday to Friday are working days unless they are
/// statutory holidays, Saturday and Sunday are off unless they are adjusted working days (调休).
/// Working hours are 09:00–12:00 and 13:00–18:00 China time, 8 hours a working day; the clock
/// stops at lunch, at night, on weekends and on holidays.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly (TimeOnly From, TimeOnly To)[] Periods =
        [(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(18, 0))];

    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _workdays;
    private string? _fingerprint;

    /// <param name="holidays">Days off that would otherwise be working days, or that fall in a holiday period.</param>
    /// <param name="workdays">Weekend days worked in exchange for a holiday (调休).</param>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        _holidays = holidays.ToFrozenSet();
        _workdays = workdays.ToFrozenSet();
        if (_holidays.Overlaps(_workdays))
        {
            var both = string.Join(", ", _holidays.Intersect(_workdays).Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            throw new ArgumentException($"Days cannot be both a holiday and a working day: {both}.", nameof(workdays));
        }
    }

    /// <summary>
    /// Identifies the calendar's contents (its holidays and adjusted working days): figures computed on a calendar
    /// carry it, so that they are computed again when the calendar is edited.
    /// </summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(
        string.Join(',', _holidays.Order().Select(d => "h" + d.DayNumber)) + ";" + string.Join(',', _workdays.Order().Select(d => "w" + d.DayNumber)))))[..16];

    /// <summary>
    /// The years of <paramref name="from"/>..<paramref name="to"/> with no holiday listed: every year's notice
    /// has holidays (元旦, 春节), so such a year has not been entered and its holidays would count as working days.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutHolidays(int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(year => !_holidays.Any(day => day.Year == year)).ToList();

    /// <summary>The first year with a holiday listed; null when none is.</summary>
    public int? FirstYear => _holidays.Count == 0 ? null : _holidays.Min(day => day.Year);

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="start"/>, at the same
    /// time of day. The clock starts at the first working moment at or after <paramref name="start"/>:
    /// before 09:00 on a working day it starts at 09:00, during lunch at 13:00, and at or after 18:00
    /// or on a non-working day at 09:00 of the next working day. The deadline is that time of day on
    /// the <paramref name="days"/>-th working day after the day the clock starts, so a Friday 17:00
    /// start is due Monday 17:00, a Saturday start Tuesday 09:00, and 0 days is the start of the clock.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var clockStart = FirstWorkingMoment(ToChina(start));
        var day = DateOnly.FromDateTime(clockStart);
        for (var i = 0; i < days; i++)
        {
            day = NextWorkingDay(day);
        }

        return FromChina(day.ToDateTime(TimeOnly.FromDateTime(clockStart)));
    }

    /// <summary>
    /// The moment <paramref name="hours"/> of working time after <paramref name="start"/>. The clock
    /// starts as in <see cref="AddWorkingDays"/>; a deadline that uses up a period exactly falls on its
    /// end (12:00 or 18:00), not on the start of the next one.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        if (!double.IsFinite(hours))
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Working hours must be a finite number.");
        }

        var local = ToChina(start);
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            local = FirstWorkingMoment(local);
            var periodEnd = PeriodEnd(local);
            if (remaining <= periodEnd - local)
            {
                return FromChina(local + remaining);
            }

            remaining -= periodEnd - local;
            local = periodEnd;
        }
    }

    /// <summary>
    /// The working hours between two instants: the time inside working periods of working days. Negative
    /// when <paramref name="to"/> is before <paramref name="from"/>, so the working time left until a
    /// deadline turns negative once it has passed.
    /// </summary>
    public double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingHoursBetween(to, from);
        }

        var end = ToChina(to);
        var total = TimeSpan.Zero;
        for (var local = FirstWorkingMoment(ToChina(from)); local < end; local = FirstWorkingMoment(PeriodEnd(local)))
        {
            total += (PeriodEnd(local) < end ? PeriodEnd(local) : end) - local;
        }

        return total.TotalHours;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    private DateTime FirstWorkingMoment(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(day))
        {
            foreach (var (from, to) in Periods)
            {
                if (time < to)
                {
                    return time < from ? day.ToDateTime(from) : local;
                }
            }
        }

        return NextWorkingDay(day).ToDateTime(Periods[0].From);
    }

    private static DateTime PeriodEnd(DateTime workingMoment)
    {
        var time = TimeOnly.FromDateTime(workingMoment);
        return DateOnly.FromDateTime(workingMoment).ToDateTime(Periods.First(p => time < p.To).To);
    }

    private static DateTime ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).DateTime;

    private static DateTimeOffset FromChina(DateTime local) =>
        new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local)).ToUniversalTime();
}
