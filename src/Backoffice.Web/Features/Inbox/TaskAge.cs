namespace Backoffice.Web.Features.Inbox;

/// <summary>How long a task has waited since it was received, as people say it: "25 分钟", "3 小时", "2 天 4 小时".</summary>
public static class TaskAge
{
    public static (string Zh, string En) Of(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var age = now - receivedAt;
        if (age < TimeSpan.FromMinutes(1))
        {
            return ("刚刚", "just now");
        }

        if (age < TimeSpan.FromHours(1))
        {
            return ($"{age.Minutes} 分钟", $"{age.Minutes} min");
        }

        if (age < TimeSpan.FromDays(1))
        {
            return ($"{age.Hours} 小时", $"{age.Hours} h");
        }

        var days = (int)age.TotalDays;
        return age.Hours == 0 ? ($"{days} 天", $"{days} d") : ($"{days} 天 {age.Hours} 小时", $"{days} d {age.Hours} h");
    }
}
