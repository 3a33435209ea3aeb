namespace Backoffice.Workflows.Definitions;

/// <summary>
/// The business names of a definition's codes, in Chinese and English: the outcomes an activity ends
/// with (as the designer labels its connections and the diff describes them), the choices of choice
/// properties and the duration units. A code without a label is shown as it is.
/// </summary>
public static class DefinitionLabels
{
    /// <summary>The outcomes a human task may offer, in the order the designer lists them.</summary>
    public static readonly IReadOnlyList<string> HumanTaskOutcomes = ["approve", "return", "reject"];

    private static readonly Dictionary<string, (string Zh, string En)> Outcomes = new()
    {
        ["approve"] = ("通过", "approve"),
        ["return"] = ("退回", "return"),
        ["reject"] = ("驳回", "reject"),
        ["resubmitted"] = ("已补正重交", "resubmitted"),
        ["expired"] = ("超时", "expired"),
        ["timeout"] = ("超时", "timed out"),
        ["verified"] = ("短信核验通过", "SMS verified"),
        ["approved"] = ("管局通过", "bureau approved"),
        ["rejected"] = ("管局退回", "bureau rejected"),
        ["reported"] = ("已公安备案", "reported"),
        ["true"] = ("是", "yes"),
        ["false"] = ("否", "no"),
        ["done"] = ("完成", "done"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Choices = new()
    {
        ["fix-and-resubmit"] = ("补正后重新提交", "fix and resubmit"),
        ["upload-curtain-photo"] = ("上传幕布照片", "upload the curtain photo"),
        ["mail-originals"] = ("邮寄原件", "mail the originals"),
        ["sms-verified"] = ("短信核验", "SMS verification"),
        ["bureau-result"] = ("管局结果", "bureau result"),
        ["public-security-reported"] = ("公安备案", "public-security filing"),
        ["sms"] = ("短信", "SMS"),
        ["email"] = ("电子邮件", "e-mail"),
        ["staff"] = ("员工通知", "staff notice"),
        ["applicant"] = ("申请人", "applicant"),
        ["team-lead"] = ("组长", "team lead"),
        ["approved"] = ("备案成功", "approved"),
        ["rejected"] = ("已驳回", "rejected"),
        ["withdrawn"] = ("已放弃", "withdrawn"),
        ["completed"] = ("已完成", "completed"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Units = new()
    {
        ["working-days"] = ("工作日", "working days"),
        ["working-hours"] = ("工作小时", "working hours"),
        ["days"] = ("自然日", "days"),
        ["hours"] = ("小时", "hours"),
    };

    public static string Outcome(string code, bool english) => Pick(Outcomes, code, english);

    public static string Choice(string code, bool english) => Pick(Choices, code, english);

    public static string Unit(string code, bool english) => Pick(Units, code, english);

    /// <summary>Every outcome label, for the designer's connection labels.</summary>
    public static IReadOnlyDictionary<string, string> AllOutcomes(bool english) =>
        Outcomes.ToDictionary(o => o.Key, o => english ? o.Value.En : o.Value.Zh);

    private static string Pick(Dictionary<string, (string Zh, string En)> labels, string code, bool english) =>
        labels.TryGetValue(code, out var label) ? (english ? label.En : label.Zh) : code;
}
