namespace Backoffice.Workflows.Labels;

/// <summary>Labels of a report subscription's schedule: how often it runs and the weekdays it runs on.</summary>
internal static class ScheduleLabels
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Frequencies = new Dictionary<string, (string, string)>
    {
        ["daily"] = ("每天", "Every day"),
        ["weekly"] = ("每周", "Every week"),
        ["monthly"] = ("每月", "Every month"),
        ["cron"] = ("Quartz 表达式（仅管理员）", "Quartz expression (admins only)"),
    };

    /// <summary>Monday first, as a Chinese week.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Weekdays = new Dictionary<string, (string, string)>
    {
        ["mon"] = ("周一", "Monday"),
        ["tue"] = ("周二", "Tuesday"),
        ["wed"] = ("周三", "Wednesday"),
        ["thu"] = ("周四", "Thursday"),
        ["fri"] = ("周五", "Friday"),
        ["sat"] = ("周六", "Saturday"),
        ["sun"] = ("周日", "Sunday"),
    };
}
