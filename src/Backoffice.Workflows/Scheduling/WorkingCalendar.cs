using Backoffice.Workflows.Clock;

namespace Backoffice.Workflows.Scheduling;

/// <summary>
/// The Chinese working-day calendar: weekends and statutory holidays are off, adjusted working
/// weekends (调休) are on. Working hours are 09:00–12:00 and 13:00–18:00 China time, 8 hours a day.
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> workdays)
{
    private static readonly (TimeOnly From, TimeOnly To)[] Periods =
        [(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(18, 0))];

    public const double HoursPerDay = 8;

    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

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
    /// The same time of day <paramref name="days"/> working days later. A start outside working time
    /// first moves to the next working moment (a non-working day or after 18:00 counts from the next
    /// working day's 09:00), so a Saturday submission with 1 working day is due Tuesday 09:00.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = Normalize(ToChina(start));
        var day = DateOnly.FromDateTime(local);
        for (var i = 0; i < days; i++)
        {
            day = NextWorkingDay(day);
        }

        return FromChina(day.ToDateTime(TimeOnly.FromDateTime(local)));
    }

    /// <summary>Adds working hours, skipping lunch, nights, weekends and holidays.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var local = ToChina(start);
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            local = Normalize(local);
            var end = PeriodEnd(local);
            var available = end - local;
            if (remaining <= available)
            {
                return FromChina(local + remaining);
            }

            remaining -= available;
            local = end;
        }
    }

    /// <summary>Working hours between two instants; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var local = ToChina(from);
        var last = ToChina(to);
        var total = TimeSpan.Zero;
        while (true)
        {
            local = Normalize(local);
            if (local >= last)
            {
                return total.TotalHours;
            }

            var end = PeriodEnd(local);
            total += (end < last ? end : last) - local;
            local = end;
        }
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The first working moment at or after <paramref name="local"/>.</summary>
    private DateTime Normalize(DateTime local)
    {
        while (true)
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

            local = NextWorkingDay(day).ToDateTime(Periods[0].From);
        }
    }

    private static DateTime PeriodEnd(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        return DateOnly.FromDateTime(local).ToDateTime(Periods.First(p => time < p.To).To);
    }

    private static DateTime ToChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, ChinaTime.Zone).DateTime;

    private static DateTimeOffset FromChina(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8)).ToUniversalTime();
}
