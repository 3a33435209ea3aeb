using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Reports.Statistics;

/// <summary>
/// The working-day calendar's arithmetic in constant time, for reports that measure millions of stages:
/// each day's working status and the working days before it are worked out once, so the working time
/// between two instants is the difference of two running totals instead of a walk over the days between.
/// Gives the same results as <see cref="WorkingCalendar"/> (09:00–12:00 and 13:00–18:00 China time on
/// working days). One instance per report build; not thread-safe.
/// </summary>
public sealed class WorkingTime(WorkingCalendar calendar)
{
    private static readonly DateOnly Origin = new(2000, 1, 1);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly long MorningStart = TimeSpan.FromHours(9).Ticks;
    private static readonly long MorningEnd = TimeSpan.FromHours(12).Ticks;
    private static readonly long AfternoonStart = TimeSpan.FromHours(13).Ticks;
    private static readonly long AfternoonEnd = TimeSpan.FromHours(18).Ticks;
    private static readonly long WorkingDayTicks = TimeSpan.FromHours(8).Ticks;

    /// <summary>Per day from <see cref="Origin"/>: whether it is a working day.</summary>
    private readonly List<bool> _working = [];

    /// <summary>Per day from <see cref="Origin"/>: the working days before it.</summary>
    private readonly List<int> _workingBefore = [0];

    /// <summary>Working hours from <paramref name="from"/> to <paramref name="to"/>, negative when <paramref name="to"/> is earlier.</summary>
    public double HoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = ToChina(from);
        var end = ToChina(to);
        if (start.Year < 2000 || end.Year < 2000 || start.Year > 2199 || end.Year > 2199)
        {
            return calendar.WorkingHoursBetween(from, to);
        }

        return (double)(Total(end) - Total(start)) / TimeSpan.TicksPerHour;
    }

    /// <summary>The deadline <paramref name="days"/> working days after <paramref name="start"/>, as <see cref="WorkingCalendar.AddWorkingDays"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = ToChina(start);
        if (local.Year < 2000 || local.Year > 2199)
        {
            return calendar.AddWorkingDays(start, days);
        }

        var day = Index(local);
        var time = local.TimeOfDay.Ticks;
        if (!IsWorking(day) || time >= AfternoonEnd)
        {
            day = NextWorking(day);
            time = MorningStart;
        }
        else if (time < MorningStart)
        {
            time = MorningStart;
        }
        else if (time >= MorningEnd && time < AfternoonStart)
        {
            time = AfternoonStart;
        }

        for (var i = 0; i < days; i++)
        {
            day = NextWorking(day);
        }

        return new DateTimeOffset(Origin.AddDays(day).ToDateTime(TimeOnly.MinValue).AddTicks(time), China).ToUniversalTime();
    }

    /// <summary>Working time from the start of <see cref="Origin"/> to a China-time moment, in ticks.</summary>
    private long Total(DateTime local)
    {
        var day = Index(local);
        var before = WorkingBefore(day) * WorkingDayTicks;
        if (!IsWorking(day))
        {
            return before;
        }

        var time = local.TimeOfDay.Ticks;
        return before + Math.Clamp(time, MorningStart, MorningEnd) - MorningStart + Math.Clamp(time, AfternoonStart, AfternoonEnd) - AfternoonStart;
    }

    private int NextWorking(int day)
    {
        do
        {
            day++;
        }
        while (!IsWorking(day));
        return day;
    }

    private bool IsWorking(int day)
    {
        Extend(day);
        return _working[day];
    }

    private long WorkingBefore(int day)
    {
        Extend(day);
        return _workingBefore[day];
    }

    private void Extend(int day)
    {
        while (_working.Count <= day)
        {
            var working = calendar.IsWorkingDay(Origin.AddDays(_working.Count));
            _working.Add(working);
            _workingBefore.Add(_workingBefore[^1] + (working ? 1 : 0));
        }
    }

    private static int Index(DateTime local) => DateOnly.FromDateTime(local).DayNumber - Origin.DayNumber;

    /// <summary>China has kept UTC+8 without daylight saving since 1991; earlier instants go through the time zone.</summary>
    private static DateTime ToChina(DateTimeOffset instant) =>
        instant.UtcDateTime.Year >= 1992 ? instant.UtcDateTime + China : TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).DateTime;
}
