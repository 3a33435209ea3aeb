using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Tests.Scheduling;

/// <summary>The calendar as seeded by db/0005 (the 2025 and 2026 State Council notices).</summary>
public sealed partial class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Seeded();

    [Fact]
    public void Seed_gives_248_working_days_in_2025_and_in_2026()
    {
        // 2025: 261 weekdays, 18 of them holidays, 5 adjusted weekend days worked.
        // 2026: 261 weekdays, 19 of them holidays, 6 adjusted weekend days worked.
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)));
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(2025, 12, 31), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Adjusted_saturdays_are_working_days_and_the_spring_festival_is_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateOnly(2026, 2, 24), Calendar.NextWorkingDay(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void One_working_day_after_friday_before_the_2026_spring_festival_is_the_adjusted_saturday()
    {
        Assert.Equal(China(2026, 2, 14, 17), Calendar.AddWorkingDays(China(2026, 2, 13, 17), 1));
        Assert.Equal(China(2026, 2, 24, 17), Calendar.AddWorkingDays(China(2026, 2, 14, 17), 1));
    }

    [Fact]
    public void One_working_day_after_september_30_2025_is_october_9()
    {
        Assert.Equal(China(2025, 10, 9, 10), Calendar.AddWorkingDays(China(2025, 9, 30, 10), 1));
        Assert.Equal(China(2025, 10, 11, 10), Calendar.AddWorkingDays(China(2025, 9, 30, 10), 3));
        Assert.Equal(China(2025, 10, 13, 10), Calendar.AddWorkingDays(China(2025, 9, 30, 10), 4));
    }

    [Fact]
    public void A_plain_weekend_is_skipped()
    {
        Assert.Equal(China(2026, 3, 9, 10), Calendar.AddWorkingDays(China(2026, 3, 6, 10), 1));
        Assert.Equal(China(2026, 3, 13, 10), Calendar.AddWorkingDays(China(2026, 3, 6, 10), 5));
    }

    [Theory]
    [InlineData(7, 30, 3, 9, 0)]
    [InlineData(12, 30, 3, 13, 0)]
    [InlineData(17, 59, 3, 17, 59)]
    [InlineData(18, 0, 4, 9, 0)]
    [InlineData(22, 0, 4, 9, 0)]
    public void A_start_outside_working_hours_counts_from_the_next_working_moment(int hour, int minute, int dueDay, int dueHour, int dueMinute) =>
        Assert.Equal(China(2026, 3, dueDay, dueHour, dueMinute), Calendar.AddWorkingDays(China(2026, 3, 2, hour, minute), 1));

    [Fact]
    public void A_start_on_a_non_working_day_counts_from_the_next_working_day_at_nine()
    {
        Assert.Equal(China(2026, 3, 10, 9), Calendar.AddWorkingDays(China(2026, 3, 7, 15), 1));
        Assert.Equal(China(2026, 3, 9, 9), Calendar.AddWorkingDays(China(2026, 3, 8, 15), 0));
        Assert.Equal(China(2025, 10, 10, 9), Calendar.AddWorkingDays(China(2025, 10, 3, 11), 1));
    }

    [Fact]
    public void Working_hours_stop_over_lunch()
    {
        Assert.Equal(China(2026, 3, 2, 14), Calendar.AddWorkingHours(China(2026, 3, 2, 11), 2));
        Assert.Equal(China(2026, 3, 2, 12), Calendar.AddWorkingHours(China(2026, 3, 2, 10, 30), 1.5));
        Assert.Equal(China(2026, 3, 2, 13, 15), Calendar.AddWorkingHours(China(2026, 3, 2, 11, 30), 0.75));
        Assert.Equal(China(2026, 3, 2, 14), Calendar.AddWorkingHours(China(2026, 3, 2, 12, 20), 1));
    }

    [Fact]
    public void Working_hours_stop_over_nights_weekends_and_holidays()
    {
        Assert.Equal(China(2026, 3, 3, 10), Calendar.AddWorkingHours(China(2026, 3, 2, 17), 2));
        Assert.Equal(China(2026, 3, 2, 18), Calendar.AddWorkingHours(China(2026, 3, 2, 9), 8));
        Assert.Equal(China(2026, 3, 3, 18), Calendar.AddWorkingHours(China(2026, 3, 2, 9), 16));
        Assert.Equal(China(2026, 3, 9, 10), Calendar.AddWorkingHours(China(2026, 3, 6, 17), 2));
        Assert.Equal(China(2026, 2, 14, 11), Calendar.AddWorkingHours(China(2026, 2, 13, 16), 4));
        Assert.Equal(China(2026, 2, 24, 10), Calendar.AddWorkingHours(China(2026, 2, 14, 17), 2));
    }

    [Fact]
    public void Working_hours_between_count_only_working_time_across_a_holiday()
    {
        Assert.Equal(8 + 8 + 1, Calendar.WorkingHoursBetween(China(2025, 9, 29, 9), China(2025, 10, 9, 10)));
        Assert.Equal(-17, Calendar.WorkingHoursBetween(China(2025, 10, 9, 10), China(2025, 9, 29, 9)));
        Assert.Equal(0, Calendar.WorkingHoursBetween(China(2025, 10, 2, 9), China(2025, 10, 8, 18)));
        Assert.Equal(2, Calendar.WorkingHoursBetween(China(2026, 3, 2, 11), China(2026, 3, 2, 14)));
        Assert.Equal(1.5, Calendar.WorkingHoursBetween(China(2026, 2, 13, 17), China(2026, 2, 14, 9, 30)));
    }

    [Fact]
    public void Working_days_between_count_the_days_after_the_first_up_to_the_last()
    {
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 10)));
        Assert.Equal(-2, Calendar.WorkingDaysBetween(new DateOnly(2025, 10, 10), new DateOnly(2025, 9, 30)));
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 24)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 8)));
    }

    [Fact]
    public void Negative_amounts_and_a_day_both_off_and_worked_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(China(2026, 3, 2, 9), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(China(2026, 3, 2, 9), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(China(2026, 3, 2, 9), double.NaN));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new DateOnly(2026, 2, 14)], [new DateOnly(2026, 2, 14)]));
    }

    private static DateTimeOffset China(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static WorkingCalendar Seeded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("Migrations.0005_working_calendar.sql")!;
        using var reader = new StreamReader(stream);
        var rows = SeedRow().Matches(reader.ReadToEnd())
            .Select(m => (Day: DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), Kind: m.Groups[2].Value))
            .ToList();
        return new WorkingCalendar(rows.Where(r => r.Kind == "holiday").Select(r => r.Day), rows.Where(r => r.Kind == "workday").Select(r => r.Day));
    }

    [GeneratedRegex(@"\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'")]
    private static partial Regex SeedRow();
}
