using Backoffice.Workflows.Operations;

namespace Backoffice.Web.Features.Operations;

/// <summary>Why an instance was blocked (or needed nothing), said with the steps' names.</summary>
public static class MigrationReasons
{
    /// <summary>With <paramref name="done"/>, as the migration's result; otherwise as the dry run's forecast.</summary>
    public static string? Describe(MigrationPlan.Result result, MigrationPlan plan, bool english, bool done = false)
    {
        var step = result.ActivityId is { } a ? plan.From.Find(a)?.Name ?? a : "";
        var target = result.ActivityId is { } w ? plan.Target(w) : "";
        var (from, to) = (plan.From.Version, plan.To.Version);
        return result.Reason switch
        {
            null when done => english ? $"moved to version {to}" : $"已迁移到版本 {to}",
            null => english ? $"moves to version {to}" : $"将迁移到版本 {to}",
            "already-migrated" => english ? $"already on version {to}; nothing to do" : $"已在版本 {to}，无需迁移",
            "instance-not-running" => english ? "no longer running (finished, cancelled or faulted)" : "实例已不在运行（已完成、已取消或出错）",
            "instance-on-other-version" => english ? $"not on version {from}" : $"实例不在版本 {from}",
            "instance-not-of-definition" => english ? "not an instance of this definition" : "不是此流程的实例",
            "mapped-step-missing" => english
                ? $"waits at “{step}”, mapped to “{target}”, which version {to} does not have"
                : $"在「{step}」等待，映射到的步骤「{target}」在版本 {to} 中不存在",
            "no-counterpart" => english
                ? $"waits at “{step}”, which version {to} does not have: map it to a step"
                : $"在「{step}」等待，版本 {to} 中没有对应步骤，请为其指定映射",
            "counterpart-type-differs" => english
                ? $"waits at “{step}”, whose counterpart in version {to} is a different kind of step"
                : $"在「{step}」等待，版本 {to} 中的对应步骤类型不同",
            _ => result.Reason,
        };
    }
}
