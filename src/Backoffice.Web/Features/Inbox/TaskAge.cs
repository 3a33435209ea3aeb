namespace Backoffice.Web.Features.Inbox;

/// <summary>How long a task has waited since it was received, as people say it: "已等待 25 分钟", "已等待 2 天 4 小时", "刚收到".</summary>
public static class TaskAge
{
    public static (string Zh, string En) Of(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var age = now - receivedAt;
        if (age < TimeSpan.FromMinutes(1))
        {
            return ("刚收到", "just received");
        }

        if (age < TimeSpan.FromHours(1))
        {
            return ($"已等待 {age.Minutes} 分钟", $"waiting {age.Minutes} min");
        }

        if (age < TimeSpan.FromDays(1))
        {
            return ($"已等待 {age.Hours} 小时", $"waiting {age.Hours} h");
        }

        var days = (int)age.TotalDays;
        return age.Hours == 0 ? ($"已等待 {days} 天", $"waiting {days} d") : ($"已等待 {days} 天 {age.Hours} 小时", $"waiting {days} d {age.Hours} h");
    }
}
