namespace Backoffice.Workflows.Filings;

/// <summary>Why a type was decided or refused, with the sentence shown to the applicant.</summary>
public static class FilingTypeReasons
{
    public const string NothingFiled = "nothing-filed";
    public const string SubjectHereDomainNew = "subject-here-domain-new";
    public const string SubjectElsewhereDomainNew = "subject-elsewhere-domain-new";
    public const string DomainFiledElsewhereSubjectHere = "domain-filed-elsewhere-subject-here";
    public const string DomainFiledElsewhere = "domain-filed-elsewhere";
    public const string DomainUnderAnotherSubject = "domain-filed-under-another-subject";
    public const string AlreadyAccessedHere = "already-accessed-here";
    public const string OrderInProgress = "order-in-progress";

    private static readonly Dictionary<string, (string Zh, string En)> Texts = new()
    {
        [NothingFiled] = ("主体和域名均未备案，办理首次备案。", "Neither the subject nor the domain is filed: new filing."),
        [SubjectHereDomainNew] = ("主体已在本接入商备案，域名未备案，办理新增网站。", "The subject is filed here and the domain is not: add a website."),
        [SubjectElsewhereDomainNew] = ("主体已在其他接入商备案，域名未备案，办理新增网站（主体在其他接入商）。", "The subject is filed at another provider and the domain is not: add a website."),
        [DomainFiledElsewhereSubjectHere] = ("域名已在其他接入商备案且主体在本接入商，办理新增接入。", "The domain is filed and accessed elsewhere, the subject is filed here: access filing."),
        [DomainFiledElsewhere] = ("主体和域名已在其他接入商备案，办理新增接入（接入备案）。", "The subject and domain are filed at another provider: access filing."),
        [DomainUnderAnotherSubject] = ("该域名已在其他主体下备案，须先在原主体下注销该网站或域名。", "The domain is filed under another subject; it must be deregistered there first."),
        [AlreadyAccessedHere] = ("该域名已在本接入商备案接入，无需再次备案；如需修改请办理变更。", "The domain is already filed and accessed here; file a change instead."),
        [OrderInProgress] = ("该主体或域名已有进行中的备案订单，请完成或放弃后再提交。", "The subject or domain already has an order in progress; finish or withdraw it first."),
    };

    public static string Text(string code, bool english) =>
        Texts.TryGetValue(code, out var t) ? (english ? t.En : t.Zh) : code;
}
