using System.Globalization;

namespace Backoffice.Workflows.Validation;

/// <summary>The catalogue of validation messages: a stable code with a Chinese and an English template.</summary>
public static partial class ValidationMessages
{
    public static IReadOnlyCollection<string> Codes => Templates.Keys;

    public static string Format(string code, bool english, IReadOnlyList<object> args)
    {
        var (zh, en) = Templates.TryGetValue(code, out var t) ? t : (code, code);
        return string.Format(CultureInfo.InvariantCulture, english ? en : zh, [.. args]);
    }

    public static bool IsKnown(string code) => Templates.ContainsKey(code);

    private static readonly Dictionary<string, (string, string)> General = new()
    {
        ["required"] = ("必填项不能为空", "This field is required"),
        ["value-unparsable"] = ("取值格式不正确，须为 {0}", "The value cannot be read; it must be {0}"),
        ["idempotency-key-format"] = ("Idempotency-Key 须为 1 到 255 个可见字符", "An Idempotency-Key has 1 to 255 visible characters"),
        ["cursor-format"] = ("游标无效，须为上一页返回的 next", "Not a cursor: pass the next of the previous page"),
        ["events-limit-range"] = ("limit 须在 1 到 1000 之间", "limit must be between 1 and 1000"),
        ["webhook-url-format"] = ("须为完整的 http 或 https 地址", "Must be an absolute http or https URL"),
        ["webhook-url-private"] = ("不能指向本机或内网地址", "Must not point to a loopback or private address"),
        ["webhook-url-unresolvable"] = ("无法解析该地址的主机名", "The URL's host name does not resolve"),
        ["invalid-choice"] = ("取值无效，可选值：{0}", "Invalid value; allowed: {0}"),
        ["too-long"] = ("长度不能超过 {0} 个字符", "Must be at most {0} characters"),
        ["control-characters"] = ("不能包含控制字符", "Must not contain control characters"),
        ["malformed-json"] = ("请求体不是有效的 JSON，或字段类型不符：{0}", "The request body is not valid JSON or a field has the wrong type: {0}"),
        ["duplicate-values"] = ("不能有重复的值", "Values must not repeat"),
        ["name-length"] = ("至少 2 个字符", "Must be at least 2 characters"),
        ["page-range"] = ("页码须在 1 到 100000 之间", "Page must be between 1 and 100000"),
        ["page-size-range"] = ("每页条数须在 1 到 100 之间", "Page size must be between 1 and 100"),
        ["clock-hours-range"] = ("小时数须大于 0 且不超过 19200", "Hours must be greater than 0 and at most 19200"),
        ["registry-batch-size"] = ("每次须插入 1 到 1000 条记录", "Insert between 1 and 1000 records at a time"),
        ["working-days-range"] = ("工作日数须在 1 到 3650 之间", "Working days must be between 1 and 3650"),
    };

    private static readonly Dictionary<string, (string, string)> Subject = new()
    {
        ["province-unknown"] = ("未知的省份代码（须为 GB/T 2260 省级代码，如 440000）", "Unknown province code (a GB/T 2260 province code such as 440000)"),
        ["certificate-type-for-nature"] = ("该主体性质的证件类型须为：{0}", "For this subject nature the certificate type must be: {0}"),
        ["resident-id-format"] = ("身份证号码须为 18 位，前 17 位为数字，末位为数字或 X", "A resident ID number has 18 characters: 17 digits and a digit or X"),
        ["resident-id-region"] = ("身份证号码的地区码无效", "The region code of the resident ID number is not valid"),
        ["resident-id-birth-date"] = ("身份证号码中的出生日期无效", "The birth date in the resident ID number is not valid"),
        ["resident-id-check"] = ("身份证号码校验位错误，请核对号码", "The check character of the resident ID number is wrong; check the number"),
        ["uscc-format"] = ("统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）", "A unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)"),
        ["uscc-region"] = ("统一社会信用代码中的行政区划码无效", "The region code in the unified social credit code is not valid"),
        ["uscc-organisation-code"] = ("统一社会信用代码中的组织机构代码校验位错误", "The organisation code check in the unified social credit code is wrong"),
        ["uscc-check"] = ("统一社会信用代码校验位错误，请核对号码", "The check character of the unified social credit code is wrong; check the number"),
        ["uscc-province-mismatch"] = ("单位须在发证机关所在省份备案：{0}", "An organisation files in the province of its certificate's issuer: {0}"),
        ["uscc-nature-mismatch"] = ("统一社会信用代码的登记机关类别与主体性质不符", "The registration authority of the credit code does not match the subject nature"),
        ["passport-format"] = ("护照号码格式不正确", "The passport number is not valid"),
        ["hk-macao-permit-format"] = ("港澳居民来往内地通行证号码须为 H 或 M 加 8 位或 10 位数字", "A Hong Kong/Macao permit number is H or M followed by 8 or 10 digits"),
        ["taiwan-permit-format"] = ("台湾居民来往大陆通行证号码须为 8 位或 10 位数字", "A Taiwan permit number has 8 or 10 digits"),
        ["address-not-detailed"] = ("通信地址须详细到门牌号；若已是最详细地址，请在地址备注中说明", "The mailing address must go down to the door number; if it already is the most detailed address, say so in the address remark"),
        ["mobile-format"] = ("手机号码须为 11 位中国大陆手机号", "Must be an 11-digit mainland mobile number"),
        ["office-phone-format"] = ("办公电话格式须为 086-区号-号码，如 086-0755-12345678", "Office phone format: 086-area code-number, e.g. 086-0755-12345678"),
        ["email-format"] = ("电子邮箱格式不正确", "The e-mail address is not valid"),
        ["principal-too-young"] = ("单位负责人须年满 {0} 周岁", "An organisation's principal must be at least {0} years old"),
        ["individual-principal-mismatch"] = ("个人备案的负责人须为主体本人（姓名与证件号码一致）", "For an individual the principal is the subject (same name and certificate number)"),
        ["principal-must-be-legal-representative"] = ("名称含投资管理、担保、典当、贷款、理财的单位，负责人须为法定代表人", "For names with 投资管理, 担保, 典当, 贷款 or 理财 the principal must be the legal representative"),
    };

    private static readonly Dictionary<string, (string, string)> Websites = new()
    {
        ["websites-count"] = ("网站数量须在 {0} 到 {1} 个之间", "Between {0} and {1} websites"),
        ["website-name-is-domain"] = ("网站名称不能是域名", "The website name must not be a domain"),
        ["website-name-digits"] = ("网站名称不能为纯数字", "The website name must not be only digits"),
        ["personal-site-name"] = ("个人网站名称不能含有“{0}”等单位、品牌或门户类词语", "A personal site's name must not contain '{0}' or other organisation, brand or portal words"),
        ["domains-count"] = ("每个网站须有 1 到 {0} 个域名", "Each website needs 1 to {0} domains"),
        ["domain-syntax"] = ("域名格式不正确", "The domain name is not valid"),
        ["domain-suffix-refused"] = ("该域名后缀不能备案（如 .hk .tw .asia .jp .co .biz .me）", "This domain suffix cannot be filed (such as .hk .tw .asia .jp .co .biz .me)"),
        ["domain-suffix-not-approved"] = ("该域名后缀未获工信部批准，不能备案", "This domain suffix is not approved by MIIT and cannot be filed"),
        ["domain-not-registrable"] = ("请填写主域名（不含 www 等前缀）", "Enter the registered domain itself (without www. or another prefix)"),
        ["domain-suffix-beijing"] = ("北京管局不接受国别域名（如 .cc .tv）备案", "The Beijing bureau does not accept country-code domains such as .cc and .tv"),
        ["domain-duplicate"] = ("同一订单中域名不能重复", "A domain may appear only once in an order"),
        ["homepages-count"] = ("每个网站须有 1 到 10 个首页地址", "Each website needs 1 to 10 homepage URLs"),
        ["homepage-format"] = ("首页地址格式不正确（如 www.example.com）", "The homepage URL is not valid (e.g. www.example.com)"),
        ["homepage-not-on-domains"] = ("首页地址须属于该网站的域名", "The homepage URL must be on one of the website's domains"),
        ["personal-site-remark"] = ("个人网站须在备注中描述网站内容", "A personal site needs a remark describing its content"),
        ["remark-required"] = ("服务内容为“其他”时须填写备注", "A remark is required when the service content is 'other'"),
        ["personal-service-content"] = ("个人网站不能选择综合门户或单位门户", "A personal site cannot be a comprehensive or organisation portal"),
        ["personal-pre-approval"] = ("个人网站不能涉及前置审批内容", "A personal site cannot carry pre-approval content"),
        ["ip-format"] = ("须为 IPv4 地址", "Must be an IPv4 address"),
        ["ip-not-public"] = ("须为云服务器的公网 IP", "Must be the public IP of a cloud server"),
        ["authorization-code-format"] = ("备案授权码须为 16 到 32 位字母或数字", "An authorization code has 16 to 32 letters or digits"),
        ["authorization-code-duplicate"] = ("一个备案授权码只能用于一个网站", "An authorization code serves one website only"),
        ["authorization-code-used"] = ("该备案授权码已被使用", "This authorization code has already been used"),
        ["access-resource-quota"] = ("每个接入资源最多用于 {0} 个网站（已用 {1} 个）", "An access resource serves at most {0} websites ({1} already)"),
        ["website-principal-too-young"] = ("网站负责人须年满 18 周岁", "A website principal must be at least 18"),
        ["principal-mobile-same"] = ("网站负责人与主体负责人不是同一人时，手机号码不能相同", "When the website principal is another person, the mobiles must differ"),
        ["principal-email-same"] = ("网站负责人与主体负责人不是同一人时，电子邮箱不能相同", "When the website principal is another person, the e-mails must differ"),
    };

    private static readonly Dictionary<string, (string, string)> Materials = new()
    {
        ["material-missing"] = ("缺少材料：{0}", "Missing material: {0}"),
        ["material-empty"] = ("文件为空", "The file is empty"),
        ["material-too-large"] = ("文件过大", "The file is too large"),
        ["material-type-not-allowed"] = ("文件内容须为 {0}（按文件内容判断，不看扩展名）", "The file content must be {0} (judged by content, not by the name)"),
        ["unknown-material-kind"] = ("未知的材料类型，可选：{0}", "Unknown material kind; allowed: {0}"),
        ["multipart-required"] = ("须以 multipart/form-data 上传 kind 与 file", "Upload kind and file as multipart/form-data"),
        ["material-website-index"] = ("网站序号无效", "The website index is not valid"),
        ["file-name-unsafe"] = ("文件名不能包含路径、“..”或不可见字符", "The file name must not contain a path, \"..\" or invisible characters"),
    };

    private static readonly Dictionary<string, (string, string)> Workflow = new()
    {
        ["subject-filing-number-format"] = ("主体备案号格式不正确（如 粤ICP备12345678号）", "Not a subject filing number (e.g. 粤ICP备12345678号)"),
        ["website-filing-number-format"] = ("网站备案号格式不正确（如 粤ICP备12345678号-1）", "Not a website filing number (e.g. 粤ICP备12345678号-1)"),
        ["website-not-of-subject"] = ("网站备案号不属于该主体", "The website filing number does not belong to the subject"),
        ["registry-subject-unknown"] = ("备案库中没有该主体备案号", "No subject with this filing number in the registry"),
        ["registry-own-record"] = ("该主体由本接入商（{0}）备案，模拟备案库不能改为其他接入商", "This subject is filed through this provider ({0}); the simulated registry cannot hand it to another provider"),
        ["domain-not-real-name"] = ("域名注册商显示该域名未完成实名认证", "The registrar says the domain is not real-name verified"),
        ["domain-holder-mismatch"] = ("域名持有者与备案主体不一致（个人备案须为本人持有，单位备案须为该单位持有）", "The domain's holder is not the subject (a person files a domain they hold, an organisation one it holds)"),
        ["domain-expires-too-soon"] = ("域名将在管局审核期（20 个工作日）内到期，请先续费", "The domain expires within the bureau's 20-working-day review; renew it first"),
        ["domain-holder-domain-unknown"] = ("该域名不是本网站的域名", "This is not one of the website's domains"),
        ["domain-holder-duplicate"] = ("同一域名只能填写一个持有者", "A domain has one holder"),
        ["account-id-format"] = ("账号 ID 只能包含字母、数字及 . _ : -，最长 64 位", "An account id has letters, digits and . _ : - only, at most 64"),
        ["account-real-name-mismatch"] = ("备案主体名称须与账号的实名认证名称一致", "The subject's name must be the account's real name"),
        ["account-other-subject"] = ("该账号已备案其他主体（订单 {0}），一个账号只能备案一个主体", "This account already files another subject (order {0}); an account files one subject"),
        ["website-filing-number-issued"] = ("该网站备案号已发放并注销，管局不会再次发放", "This website filing number was issued and deregistered; the bureau never gives it again"),
        ["registry-website-unknown"] = ("备案库中没有该网站备案号", "No website with this filing number in the registry"),
        ["registry-not-here"] = ("该备案不在本接入商接入", "This filing is not accessed through this provider"),
        ["registry-subject-mismatch"] = ("与已备案主体信息不一致（备案库：{0}）", "Differs from the filed subject (registry: {0})"),
        ["change-subject-certificate"] = ("变更主体时证件类型与号码须与原备案一致", "A subject change keeps the filed certificate type and number"),
        ["domain-filed-on-other-website"] = ("该域名已在其他网站备案：{0}", "The domain is filed on another website: {0}"),
        ["filing-type-mixed"] = ("该域名的备案类型为 {0}，与订单类型 {1} 不同，请分开提交", "This domain's filing type is {0}, not the order's {1}; file it separately"),
        ["filing-type-mismatch"] = ("备案类型应为 {0}（由系统根据备案库判定）", "The filing type is {0} (decided from the registry)"),
        ["return-needs-reason"] = ("退回须选择至少一个原因", "A return needs at least one reason code"),
        ["unknown-reason-code"] = ("未知的退回原因", "Unknown reason code"),
        ["reason-not-offered"] = ("此步骤不提供该退回原因", "This step does not offer this reason code"),
        ["checklist-incomplete"] = ("通过前须勾选必查项：{0}", "Tick the required checks before approving: {0}"),
        ["not-on-checklist"] = ("此步骤的检查项中没有该项", "This step's checklist has no such item"),
        ["items-only-on-return"] = ("只有退回才能指出有问题的字段与材料", "Only a return points at fields and materials"),
        ["item-path-unknown"] = ("订单中没有该字段或材料", "The order has no such field or material"),
        ["too-many"] = ("最多 {0} 项", "At most {0} items"),
        ["assignee-not-in-team"] = ("被指派人须为该处理组的成员", "The assignee must be a member of the task's team"),
        ["view-share-needs-lead"] = ("只有该组组长可以向组内共享视图", "Only a lead of the team shares a view with it"),
        ["bulk-reassign-needs-lead"] = ("只有组长可以批量改派", "Only team leads reassign tasks"),
        ["public-security-number-format"] = ("公安备案号须为 14 位数字", "A public-security filing number has 14 digits"),
        ["definition-id-mismatch"] = ("文档中的 id 须为 {0}", "The document's id must be {0}"),
        ["version-not-found"] = ("没有版本 {0}", "There is no version {0}"),
        ["order-not-found"] = ("没有该订单", "There is no such order"),
        ["sample-order-required"] = ("须选择示例订单（orderId）或描述一个订单（order）", "Pick a sample order (orderId) or describe one (order)"),
        ["dry-run-activity-unknown"] = ("流程中没有活动 {0}", "The definition has no activity {0}"),
        ["dry-run-outcome-unknown"] = ("该活动没有结果 {0}，可选：{1}", "The activity has no outcome {0}; it offers: {1}"),
        ["answer-hours-range"] = ("应答时长须在 0 到 2000 个工作小时之间", "The answer time must be between 0 and 2000 working hours"),
        ["draft-stamp-format"] = ("须为草稿的保存时间（ISO 8601）或 none", "Must be the draft's savedAt (ISO 8601) or none"),
        ["dry-run-start-range"] = ("开始时间须在 2000 年到 2100 年之间", "The start must lie between the years 2000 and 2100"),
        ["migration-same-version"] = ("目标版本须与原版本不同", "The target version must differ from the source version"),
        ["version-not-runnable"] = ("版本 {0} 未发布，不能运行实例", "Version {0} was never published: no instance can run on it"),
        ["mapping-activity-unknown"] = ("版本 {0} 中没有步骤 {1}", "Version {0} has no step {1}"),
    };

    private static readonly Dictionary<string, (string, string)> Reports = new()
    {
        ["date-format"] = ("日期格式须为 yyyy-MM-dd，如 2025-10-01", "Write the date as yyyy-MM-dd, e.g. 2025-10-01"),
        ["report-date-range"] = ("日期须在 2000 年到 2099 年之间", "The date must lie between the years 2000 and 2099"),
        ["report-period-order"] = ("结束日期不能早于开始日期", "The end date must not be before the start date"),
        ["report-period-too-long"] = ("统计期间最长 {0} 天", "The period covers at most {0} days"),
        ["report-as-of-future"] = ("截至日期不能晚于今天（{0}）", "The as-of date must not be after today ({0})"),
        ["report-filter-unsupported"] = ("该报表不支持此筛选条件", "This report does not take this filter"),
        ["period-days-range"] = ("统计天数须在 1 到 366 之间", "The period in days must be between 1 and 366"),
        ["cron-invalid"] = (
            "不是有效的 Quartz cron 表达式：应为“秒 分 时 日 月 星期”（可加年份），日与星期其中一个写 ?，例如每天 9:00 为 0 0 9 * * ?",
            "Not a valid Quartz cron expression: write \"seconds minutes hours day month weekday\" (a year may follow), with ? for the day or the weekday; every day at 09:00 is 0 0 9 * * ?"),
        ["cron-five-fields"] = (
            "这是 5 个字段的 Unix cron；Quartz cron 以秒开头，共 6 个字段，例如每天 9:00 为 0 0 9 * * ?",
            "This is a 5-field Unix cron; a Quartz cron starts with the seconds, 6 fields: every day at 09:00 is 0 0 9 * * ?"),
        ["cron-never-fires"] = ("该 cron 表达式以后不会再触发", "This cron expression never fires again"),
        ["cron-too-frequent"] = ("两次运行至少间隔 1 小时", "Runs must be at least 1 hour apart"),
        ["recipients-count"] = ("收件人须有 1 到 {0} 个", "Between 1 and {0} recipients"),
        ["time-format"] = ("时间格式须为 HH:mm（北京时间），如 09:00", "Write the time as HH:mm (China time), e.g. 09:00"),
        ["weekdays-required"] = ("请至少选择一天", "Pick at least one day of the week"),
        ["month-day-range"] = ("每月的日期须在 1 到 {0} 日之间", "The day of the month must be between 1 and {0}"),
    };

    private static readonly Dictionary<string, (string, string)> ProvinceRuleMessages = new()
    {
        ["verification-method-not-accepted"] = ("{0}不接受该核验方式；该负责人可用：{1}", "{0} does not accept this verification method; this principal may use: {1}"),
        ["office-phone-required-in-province"] = ("{0}的个人用户也须填写真实的座机号码", "In {0} individuals must also give a real landline"),
        ["mobile-prefix-refused"] = ("{1}管局不接受以 {0} 开头的手机号码", "The {1} bureau does not accept mobile numbers starting with {0}"),
        ["province-site-name-word"] = ("{1}的个人网站名称不能含有“{0}”", "In {1} a personal site's name must not contain '{0}'"),
        ["provinces-incomplete"] = ("须列出全部 31 个省份各一次，缺少：{0}", "List each of the 31 provinces once; missing: {0}"),
        ["province-duplicate"] = ("该省份已列出", "This province is already listed"),
        ["sms-window-range"] = ("短信核验时限须在 1 到 168 小时之间", "The SMS window must be between 1 and 168 hours"),
        ["verification-methods-empty"] = ("至少须接受一种核验方式", "At least one verification method must be accepted"),
        ["mobile-prefix-format"] = ("号段须为 1 到 11 位数字，以 1 开头", "A prefix has 1 to 11 digits and starts with 1"),
        ["word-length"] = ("每个词须为 1 到 20 个字符", "Each word has 1 to 20 characters"),
    };

    /// <summary>Declared last: static fields initialise in order, after the dictionaries above.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> Templates =
        new[] { General, Subject, Websites, Materials, Workflow, Reports, ProvinceRuleMessages }.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);
}
