using Backoffice.Web.Infrastructure;

namespace Backoffice.Web.Features.Tasks;

public static class TaskMessages
{
    public static string Held(HttpContext context, string? holder) => holder is null
        ? (context.IsEnglish() ? "You do not hold this task; claim it first." : "您尚未领取该任务，请先领取。")
        : (context.IsEnglish() ? $"The task is held by {holder}." : $"该任务已被 {holder} 领取。");

    public static string Closed(HttpContext context) =>
        context.IsEnglish() ? "The task is already completed or cancelled." : "该任务已完成或已取消。";
}
