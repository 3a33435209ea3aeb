namespace Backoffice.Workflows.Definitions;

/// <summary>A property an activity type declares: its name, editor kind, whether required, allowed values.</summary>
public sealed record PropertyType(string Name, string Kind, bool Required, string LabelZh, string LabelEn, IReadOnlyList<string>? Choices = null);

/// <summary>An activity type of the palette: properties and the outcomes it can end with.</summary>
public sealed record ActivityType(
    string Type, string LabelZh, string LabelEn, bool Blocking, IReadOnlyList<PropertyType> Properties,
    IReadOnlyList<string> Outcomes, Func<ActivityDefinition, IReadOnlyList<string>>? DynamicOutcomes = null)
{
    /// <summary>The outcomes a given activity of this type can end with.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => DynamicOutcomes?.Invoke(activity) ?? Outcomes;
}

/// <summary>The palette served by GET /api/activity-types: every type the engine can run.</summary>
public static class ActivityTypes
{
    public const string HumanTask = "human-task";
    public const string WaitForApplicant = "wait-for-applicant";
    public const string WaitForEvent = "wait-for-event";
    public const string Delay = "delay";
    public const string Decision = "decision";
    public const string Fork = "fork";
    public const string Join = "join";
    public const string SetStatus = "set-status";
    public const string Notify = "notify";
    public const string SubmitToBureau = "submit-to-bureau";
    public const string ApplyBureauResult = "apply-bureau-result";
    public const string StartFollowUp = "start-follow-up";
    public const string End = "end";

    public static readonly IReadOnlyList<string> Events = ["sms-verified", "bureau-result", "public-security-reported", "video-verified"];

    /// <summary>What a wait-for-event step can end with, per event; "expired" and "timeout" also come from its timeout.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EventOutcomes = new Dictionary<string, IReadOnlyList<string>>
    {
        ["sms-verified"] = ["verified", "expired"],
        ["bureau-result"] = ["approved", "rejected"],
        ["public-security-reported"] = ["reported", "timeout"],
        ["video-verified"] = ["verified", "failed", "expired"],
    };

    /// <summary>The outcome a wait-for-event step's timeout gives, per event (none: the wait has no timeout outcome).</summary>
    public static readonly IReadOnlyDictionary<string, string> EventTimeoutOutcomes = new Dictionary<string, string>
    {
        ["sms-verified"] = "expired",
        ["public-security-reported"] = "timeout",
        ["video-verified"] = "expired",
    };

    /// <summary>The outcomes a human task may offer; the designer ticks them by label, never types them.</summary>
    public static readonly IReadOnlyList<string> HumanTaskOutcomes = ["approve", "return"];

    public static readonly IReadOnlyList<string> DurationUnits = ["working-days", "working-hours", "days", "hours"];
    public static readonly IReadOnlyList<string> EndResults = ["approved", "rejected", "withdrawn", "expired", "completed"];

    public static readonly IReadOnlyList<ActivityType> All =
    [
        new(HumanTask, "人工审核", "Human task", true,
        [
            new("team", "team", true, "处理组", "Team"),
            new("title", "string", true, "标题", "Title"),
            new("checklist", "text-list", false, "检查项", "Checklist"),
            new("requiredChecklist", "text-list", false, "必查项（通过前须勾选）", "Required checks (ticked before approving)"),
            new("provinceChecks", "choice", false, "省份检查项（按省份规则加入必查项）", "Province checks (added as required checks by the province rules)", ["authenticity-form"]),
            new("sla", "duration", true, "时限", "SLA"),
            new("outcomes", "text-list", true, "结果", "Outcomes"),
            new("status", "status", false, "进入时的公开状态", "Public status on entry"),
            new("escalateAfter", "duration", false, "超时升级", "Escalate after"),
            new("reasonCodes", "reason-codes", false, "退回原因", "Return reasons"),
        ], [], a => a.List("outcomes")),
        new(WaitForApplicant, "等待申请人", "Wait for applicant", true,
        [
            new("action", "choice", true, "申请人须", "Applicant must", ["fix-and-resubmit", "upload-curtain-photo", "mail-originals"]),
            new("deadline", "duration", true, "期限", "Deadline"),
            new("status", "status", false, "公开状态", "Public status"),
        ], ["resubmitted", "expired"]),
        new(WaitForEvent, "等待事件", "Wait for event", true,
        [
            new("event", "choice", true, "事件", "Event", Events),
            new("timeout", "duration", false, "超时", "Timeout"),
            new("status", "status", false, "公开状态", "Public status"),
        ], [], a => EventOutcomes.GetValueOrDefault(a.Text("event") ?? "", [])),
        new(Delay, "定时", "Delay", true, [new("duration", "duration", true, "时长", "Duration")], ["done"]),
        new(Decision, "条件判断", "Decision", false, [new("expression", "expression", true, "条件", "Condition")], ["true", "false"]),
        new(Fork, "并行分支", "Fork", false, [new("branches", "text-list", true, "分支", "Branches")], [], a => a.List("branches")),
        new(Join, "汇合", "Join", false, [], ["done"]),
        new(SetStatus, "设置状态", "Set status", false, [new("status", "status", true, "公开状态", "Public status")], ["done"]),
        new(Notify, "通知", "Notify", false,
        [
            new("channel", "choice", true, "渠道", "Channel", ["sms", "email", "staff"]),
            new("template", "template", true, "模板", "Template"),
            new("to", "choice", false, "对象", "Recipient", ["applicant", "team-lead"]),
        ], ["done"]),
        new(SubmitToBureau, "提交管局", "Submit to bureau", false, [], ["done"]),
        new(ApplyBureauResult, "应用管局结果", "Apply bureau result", false, [], ["done"]),
        new(StartFollowUp, "启动后续流程", "Start follow-up", false, [new("definition", "definition", true, "流程", "Process")], ["done"]),
        new(End, "结束", "End", false, [new("result", "choice", true, "结果", "Result", EndResults)], []),
    ];

    private static readonly Dictionary<string, ActivityType> ByType = All.ToDictionary(t => t.Type);

    public static ActivityType? Find(string? type) => type is null ? null : ByType.GetValueOrDefault(type);
}
