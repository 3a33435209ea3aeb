using System.Security.Claims;
using Backoffice.Web.Features.Dashboard;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// The staff pages' main navigation: an entry is shown to whoever its policy admits, so the menu
/// follows the roles. A new page adds one line here.
/// </summary>
public static class Navigation
{
    public sealed record Item(string Path, string Zh, string En, string Policy)
    {
        /// <summary>The entry's words for a user the page shows only his own teams (a team lead): as the page is titled.</summary>
        public (string Zh, string En)? OwnTeams { get; init; }

        public string Text(ClaimsPrincipal user, bool english) =>
            OwnTeams is { } own && !DashboardScope.SeesWholeDesk(user) ? (english ? own.En : own.Zh) : english ? En : Zh;
    }

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/inbox", "收件箱", "Inbox", Policies.Reviewer),
        new("/board", "组长看板", "Lead board", Policies.TeamLead),
        new("/orders", "订单查询", "Orders", Policies.Staff),
        new("/bureau", "管局工作台", "Bureau desk", Policies.Bureau),
        new("/designer", "流程设计", "Workflow designer", Policies.Compliance),
        new("/operations", "流程实例", "Workflow instances", Policies.Compliance),
        new("/dashboard", "管理看板", "Dashboard", Policies.Dashboard) { OwnTeams = ("本组看板", "My teams' dashboard") },
        new("/reports", "管理报表", "Reports", Policies.Management),
        new("/admin/reasons", "退回原因", "Return reasons", Policies.Compliance),
        new("/admin/province-rules", "省份规则", "Province rules", Policies.Compliance),
        new("/admin/users", "用户与处理组", "Users and teams", Policies.Admin),
        new("/admin/calendar", "工作日历", "Calendar", Policies.Admin),
        new("/hangfire", "后台作业", "Jobs", Policies.Admin),
    ];
}
