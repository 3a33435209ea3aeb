using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Tests.Scheduling;

public sealed class WorkingDayQuartzCalendarTests
{
    [Fact]
    public void Triggers_fire_on_adjusted_saturdays_and_skip_the_spring_festival()
    {
        var calendar = SpringFestival2026();

        Assert.True(calendar.IsTimeIncluded(China(2026, 2, 14, 9)));
        Assert.False(calendar.IsTimeIncluded(China(2026, 2, 16, 9)));
        Assert.False(calendar.IsTimeIncluded(China(2026, 2, 22, 9)));
        Assert.Equal(China(2026, 2, 24, 0), calendar.GetNextIncludedTimeUtc(China(2026, 2, 15, 9)));
    }

    private static WorkingDayQuartzCalendar SpringFestival2026()
    {
        var calendar = new WorkingDayQuartzCalendar();
        for (var day = new DateOnly(2026, 2, 15); day <= new DateOnly(2026, 2, 23); day = day.AddDays(1))
        {
            calendar.Holidays.Add(day);
        }

        calendar.Workdays.Add(new DateOnly(2026, 2, 14));
        calendar.Workdays.Add(new DateOnly(2026, 2, 28));
        return calendar;
    }

    private static DateTimeOffset China(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}
