using Backoffice.Workflows.Clock;
using Quartz;
using Quartz.Impl.Calendar;

namespace Backoffice.Workflows.Scheduling;

/// <summary>
/// The working-day table as a Quartz calendar: a trigger modified by it fires only on working days,
/// 调休 Saturdays included and holidays excluded (Quartz's own calendars can only exclude days).
/// </summary>
public sealed class WorkingDayQuartzCalendar : BaseCalendar
{
    public const string Name = "working-days";

    public WorkingDayQuartzCalendar()
        : base(ChinaTime.Zone)
    {
    }

    public HashSet<DateOnly> Holidays { get; } = [];

    public HashSet<DateOnly> Workdays { get; } = [];

    public override bool IsTimeIncluded(DateTimeOffset timeUtc) =>
        base.IsTimeIncluded(timeUtc) && new WorkingCalendar(Holidays, Workdays).IsWorkingDay(ChinaDay(timeUtc));

    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var next = base.GetNextIncludedTimeUtc(timeUtc);
        while (!IsTimeIncluded(next))
        {
            var midnight = ChinaDay(next).AddDays(1).ToDateTime(TimeOnly.MinValue);
            next = new DateTimeOffset(midnight, ChinaTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
        }

        return next;
    }

    public override ICalendar Clone()
    {
        var clone = new WorkingDayQuartzCalendar();
        CloneFields(clone);
        clone.Holidays.UnionWith(Holidays);
        clone.Workdays.UnionWith(Workdays);
        return clone;
    }

    private static DateOnly ChinaDay(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, ChinaTime.Zone).DateTime);
}
