using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.ReviewTasks;

namespace Backoffice.Web.Features.Tasks;

public static class TaskMessages
{
    public static string Held(HttpContext context, string? holder) => holder is null
        ? context.T("您尚未领取该任务，请先领取。", "You do not hold this task; claim it first.")
        : context.T($"该任务已被 {holder} 领取。", $"The task is held by {holder}.");

    public static string Closed(HttpContext context) =>
        context.T("该任务已完成或已取消。", "The task is already completed or cancelled.");

    public static string Forbidden(HttpContext context) =>
        context.T("该任务不属于您所在的处理组。", "This task belongs to a team you are not in.");

    public static string NotFound(HttpContext context) => context.T("未找到该任务。", "Task not found.");

    public static string AssigneeNotInTeam(HttpContext context) =>
        context.T("被指派人须为该处理组的在职成员。", "The assignee must be an active member of the task's team.");

    /// <summary>The message a page shows for a change that did not happen.</summary>
    public static string Of(HttpContext context, TaskChange change) => change.Result switch
    {
        TaskChange.Kind.NotFound => NotFound(context),
        TaskChange.Kind.Forbidden => Forbidden(context),
        TaskChange.Kind.Closed => Closed(context),
        TaskChange.Kind.Held => Held(context, change.Holder),
        TaskChange.Kind.AssigneeNotInTeam => AssigneeNotInTeam(context),
        _ => "",
    };

    /// <summary>The API's answer for a change that did not happen: 404, 403, 409 or 400 as docs/API.md says.</summary>
    public static IResult Problem(HttpContext context, TaskChange change) => change.Result switch
    {
        TaskChange.Kind.NotFound => Problems.NotFound(context),
        TaskChange.Kind.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Forbidden(context)),
        TaskChange.Kind.Closed => Problems.Conflict(context, "task-closed", Closed(context), new { change.Status }),
        TaskChange.Kind.Held => Problems.Conflict(context, "task-held", Held(context, change.Holder), new { holder = change.Holder }),
        _ => Problems.Field(context, "assignee", "assignee-not-in-team"),
    };
}
