namespace Backoffice.Workflows.Labels;

/// <summary>Labels of the codes of the work around an order: teams, tasks, outcomes, roles, bureau, notifications, workflow.</summary>
internal static class WorkLabels
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Teams = new Dictionary<string, (string, string)>
    {
        ["initial-review"] = ("初审组", "Initial review team"),
        ["verification"] = ("核验组", "Verification team"),
        ["second-review"] = ("复审组", "Second review team"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> TaskStates = new Dictionary<string, (string, string)>
    {
        ["open"] = ("待处理", "Open"),
        ["done"] = ("已完成", "Done"),
        ["cancelled"] = ("已取消", "Cancelled"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Outcomes = new Dictionary<string, (string, string)>
    {
        ["approve"] = ("通过", "Approve"),
        ["return"] = ("退回", "Return"),
        ["resubmitted"] = ("已重新提交", "Resubmitted"),
        ["expired"] = ("已过期", "Expired"),
        ["timeout"] = ("超时", "Timed out"),
        ["verified"] = ("核验通过", "Verified"),
        ["failed"] = ("核验未通过", "Verification failed"),
        ["approved"] = ("管局审核通过", "Approved by the bureau"),
        ["rejected"] = ("管局退回", "Rejected by the bureau"),
        ["reported"] = ("已完成公安备案", "Public-security filing reported"),
        ["done"] = ("完成", "Done"),
        ["true"] = ("是", "Yes"),
        ["false"] = ("否", "No"),
        ["photo"] = ("幕布照", "Curtain photo"),
        ["mail"] = ("寄送原件", "Mailed originals"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Roles = new Dictionary<string, (string, string)>
    {
        ["admin"] = ("系统管理员", "Administrator"),
        ["compliance"] = ("合规经理", "Compliance manager"),
        ["reviewer"] = ("审核员", "Reviewer"),
        ["team-lead"] = ("组长", "Team lead"),
        ["bureau-liaison"] = ("管局对接专员", "Bureau liaison"),
        ["management"] = ("管理层", "Management"),
        ["console"] = ("控制台（接口）", "Console (API)"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> BureauEvents = new Dictionary<string, (string, string)>
    {
        ["sms-verified"] = ("短信核验通过", "SMS verified"),
        ["sms-expired"] = ("短信核验超时", "SMS verification expired"),
        ["approved"] = ("管局审核通过", "Approved by the bureau"),
        ["rejected"] = ("管局退回", "Rejected by the bureau"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Channels = new Dictionary<string, (string, string)>
    {
        ["sms"] = ("短信", "SMS"),
        ["email"] = ("电子邮件", "E-mail"),
        ["staff"] = ("站内通知", "Staff notice"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Recipients = new Dictionary<string, (string, string)>
    {
        ["applicant"] = ("申请人", "Applicant"),
        ["team-lead"] = ("组长", "Team lead"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> ApplicantActions = new Dictionary<string, (string, string)>
    {
        ["fix-and-resubmit"] = ("修改后重新提交", "Fix and resubmit"),
        ["upload-curtain-photo"] = ("上传幕布照", "Upload the curtain photo"),
        ["mail-originals"] = ("寄送原件", "Mail the originals"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> WorkflowEvents = new Dictionary<string, (string, string)>
    {
        ["sms-verified"] = ("工信部短信核验", "MIIT SMS verification"),
        ["bureau-result"] = ("管局审核结果", "Bureau result"),
        ["public-security-reported"] = ("公安备案报备", "Public-security filing reported"),
        ["video-verified"] = ("电子核验（视频）结果", "Electronic (video) verification result"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> EndResults = new Dictionary<string, (string, string)>
    {
        ["approved"] = ("备案成功", "Approved"),
        ["rejected"] = ("管局退回", "Rejected"),
        ["withdrawn"] = ("已放弃", "Withdrawn"),
        ["expired"] = ("已失效", "Expired"),
        ["completed"] = ("已完成", "Completed"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> DurationUnits = new Dictionary<string, (string, string)>
    {
        ["working-days"] = ("工作日", "working days"),
        ["working-hours"] = ("工作小时", "working hours"),
        ["days"] = ("自然日", "calendar days"),
        ["hours"] = ("自然小时", "calendar hours"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> OrderEvents = new Dictionary<string, (string, string)>
    {
        ["created"] = ("创建订单", "Order created"),
        ["updated"] = ("申请人修改了订单", "Order edited by the applicant"),
    };
}
