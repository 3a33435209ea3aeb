namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The test's own working-time count, minute by minute, from the State Council's 2025 notice as written
/// here (not the app's calendar table or code): weekdays work unless a holiday, weekends rest unless an
/// adjusted working day (调休); 09:00–12:00 and 13:00–18:00 China time.
/// </summary>
public static class IndependentCalendar
{
    private static readonly HashSet<DateOnly> Holidays =
    [
        new(2025, 1, 1), .. Days(new(2025, 1, 28), new(2025, 2, 4)), .. Days(new(2025, 4, 4), new(2025, 4, 6)),
        .. Days(new(2025, 5, 1), new(2025, 5, 5)), .. Days(new(2025, 5, 31), new(2025, 6, 2)), .. Days(new(2025, 10, 1), new(2025, 10, 8)),
    ];

    private static readonly HashSet<DateOnly> AdjustedWorkdays = [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11)];

    public static double WorkingDays(DateTimeOffset from, DateTimeOffset to) => WorkingMinutes(from, to) / 480.0;

    public static int WorkingMinutes(DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = 0;
        for (var t = from.ToOffset(TimeSpan.FromHours(8)); t < to; t = t.AddMinutes(1))
        {
            var day = DateOnly.FromDateTime(t.DateTime);
            var working = AdjustedWorkdays.Contains(day) || (!Holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            minutes += working && t.Hour is (>= 9 and < 12) or (>= 13 and < 18) ? 1 : 0;
        }

        return minutes;
    }

    /// <summary>The moment <paramref name="days"/> working days after a working moment, the same time of day.</summary>
    public static DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var t = start.ToOffset(TimeSpan.FromHours(8));
        for (var added = 0; added < days;)
        {
            t = t.AddDays(1);
            var day = DateOnly.FromDateTime(t.DateTime);
            added += AdjustedWorkdays.Contains(day) || (!Holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) ? 1 : 0;
        }

        return t;
    }

    /// <summary>percentile_cont: the value at rank p·(n−1), interpolated.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var below = sorted[(int)rank];
        var above = sorted[Math.Min((int)rank + 1, sorted.Length - 1)];
        return below + ((rank - (int)rank) * (above - below));
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
