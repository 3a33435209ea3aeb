namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// The inbox's columns a person may show or hide (the order number, the tick box and the actions always show);
/// a saved view keeps its choice. Every column reads what the page's one query already returns.
/// </summary>
public static class InboxColumns
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Labels = new Dictionary<string, (string, string)>
    {
        ["website"] = ("网站 / 域名", "Website / domain"),
        ["subject"] = ("主体", "Subject"),
        ["filingType"] = ("备案类型", "Filing type"),
        ["province"] = ("省份", "Province"),
        ["step"] = ("步骤", "Step"),
        ["holder"] = ("处理人", "Holder"),
        ["received"] = ("收到时间", "Received"),
        ["due"] = ("到期时间", "Due"),
        ["sla"] = ("时限", "SLA"),
    };

    public static readonly IReadOnlyList<string> All = [.. Labels.Keys];

    public static bool IsKnown(string column) => Labels.ContainsKey(column);

    /// <summary>The columns asked for in the columns' order; none asked for means all.</summary>
    public static IReadOnlyList<string> Chosen(IEnumerable<string>? asked)
    {
        var set = (asked ?? []).Where(IsKnown).ToHashSet();
        return set.Count == 0 ? All : [.. All.Where(set.Contains)];
    }
}
