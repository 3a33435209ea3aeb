namespace Backoffice.Workflows.Clock;

/// <summary>China Standard Time (UTC+8, no daylight saving), the zone of working days and deadlines.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }
}
