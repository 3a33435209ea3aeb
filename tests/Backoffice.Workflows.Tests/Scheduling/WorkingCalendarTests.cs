using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Tests.Scheduling;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(
        new HashSet<DateOnly>
        {
            new(2025, 10, 1), new(2025, 10, 2), new(2025, 10, 3), new(2025, 10, 4), new(2025, 10, 5), new(2025, 10, 6), new(2025, 10, 7), new(2025, 10, 8),
            new(2026, 2, 15), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20), new(2026, 2, 21),
            new(2026, 2, 22), new(2026, 2, 23),
        },
        new HashSet<DateOnly> { new(2025, 9, 28), new(2025, 10, 11), new(2026, 2, 14), new(2026, 2, 28) });

    [Fact]
    public void Adjusted_saturday_is_a_working_day_and_the_spring_festival_is_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void One_working_day_after_friday_before_the_spring_festival_is_the_adjusted_saturday()
    {
        var due = Calendar.AddWorkingDays(China(2026, 2, 13, 17), 1);
        Assert.Equal(China(2026, 2, 14, 17), due);
        Assert.Equal(China(2026, 2, 24, 17), Calendar.AddWorkingDays(due, 1));
    }

    [Fact]
    public void One_working_day_after_september_30_2025_is_october_9()
    {
        Assert.Equal(China(2025, 10, 9, 10), Calendar.AddWorkingDays(China(2025, 9, 30, 10), 1));
        Assert.Equal(China(2025, 10, 11, 10), Calendar.AddWorkingDays(China(2025, 9, 30, 10), 3));
    }

    [Fact]
    public void Working_hours_skip_lunch_nights_and_weekends()
    {
        Assert.Equal(China(2026, 3, 2, 14), Calendar.AddWorkingHours(China(2026, 3, 2, 11), 2));
        Assert.Equal(China(2026, 3, 3, 10), Calendar.AddWorkingHours(China(2026, 3, 2, 17), 2));
        Assert.Equal(China(2026, 3, 9, 10), Calendar.AddWorkingHours(China(2026, 3, 6, 17), 2));
        Assert.Equal(China(2026, 3, 2, 9), Calendar.AddWorkingDays(China(2026, 2, 28, 19), 0));
    }

    [Fact]
    public void Working_hours_between_count_only_working_time_across_a_holiday()
    {
        Assert.Equal(8 + 8 + 1, Calendar.WorkingHoursBetween(China(2025, 9, 29, 9), China(2025, 10, 9, 10)));
        Assert.Equal(0, Calendar.WorkingHoursBetween(China(2025, 10, 3, 9), China(2025, 10, 2, 9)));
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 10)));
    }

    private static DateTimeOffset China(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}
