using Backoffice.Reports.Statistics;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Web.Tests.Reports;

/// <summary>The reports' constant-time working-time arithmetic agrees with the working-day calendar everywhere.</summary>
public sealed class WorkingTimeTests
{
    private static readonly WorkingCalendar Calendar = new(
        [new(2025, 10, 1), new(2025, 10, 2), new(2025, 10, 3), new(2025, 10, 6), new(2025, 10, 7), new(2025, 10, 8), new(2026, 1, 1)],
        [new(2025, 9, 28), new(2025, 10, 11)]);

    [Fact]
    public void Working_hours_and_deadlines_match_the_calendar_for_random_instants_around_a_holiday()
    {
        var time = new WorkingTime(Calendar);
        var random = new Random(20251001);
        var origin = new DateTimeOffset(2025, 9, 20, 0, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 5_000; i++)
        {
            // Instants on the minute, often exactly on a period's edge, over four months.
            var from = origin.AddMinutes(random.Next(0, 4 * 30 * 24 * 2) * 30 + (i % 3 == 0 ? 0 : random.Next(0, 30)));
            var to = from.AddMinutes(random.Next(-20_000, 60_000));
            Assert.Equal(Calendar.WorkingHoursBetween(from, to), time.HoursBetween(from, to), 9);
            var days = random.Next(0, 25);
            Assert.Equal(Calendar.AddWorkingDays(from, days), time.AddWorkingDays(from, days));
        }
    }
}
