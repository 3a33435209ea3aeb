namespace Backoffice.Workflows.Filings;

/// <summary>The ten order types of docs/API.md, with their Chinese and English labels.</summary>
public static class FilingType
{
    public const string NewFiling = "new-filing";
    public const string AddWebsiteSubjectHere = "add-website-subject-here";
    public const string AddWebsiteSubjectElsewhere = "add-website-subject-elsewhere";
    public const string AccessSubjectHere = "access-subject-here";
    public const string AccessSubjectElsewhere = "access-subject-elsewhere";
    public const string ChangeSubject = "change-subject";
    public const string ChangeWebsite = "change-website";
    public const string CancelAccess = "cancel-access";
    public const string DeregisterSubject = "deregister-subject";
    public const string DeregisterWebsite = "deregister-website";

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Labels =
        new Dictionary<string, (string, string)>
        {
            [NewFiling] = ("首次备案", "New filing"),
            [AddWebsiteSubjectHere] = ("新增网站（主体在本接入商）", "Add website (subject filed here)"),
            [AddWebsiteSubjectElsewhere] = ("新增网站（主体在其他接入商）", "Add website (subject filed elsewhere)"),
            [AccessSubjectHere] = ("新增接入（主体在本接入商）", "Access filing (subject filed here)"),
            [AccessSubjectElsewhere] = ("新增接入（主体在其他接入商）", "Access filing (subject filed elsewhere)"),
            [ChangeSubject] = ("变更主体", "Change subject"),
            [ChangeWebsite] = ("变更网站", "Change website"),
            [CancelAccess] = ("取消接入", "Cancel access"),
            [DeregisterSubject] = ("注销主体", "Deregister subject"),
            [DeregisterWebsite] = ("注销网站", "Deregister website"),
        };

    /// <summary>Types whose body carries subject and websites to be filed (decided by resolution).</summary>
    public static readonly IReadOnlySet<string> Filing = new HashSet<string>
    {
        NewFiling, AddWebsiteSubjectHere, AddWebsiteSubjectElsewhere, AccessSubjectHere, AccessSubjectElsewhere,
    };

    /// <summary>Types that act on records already filed here and name their target.</summary>
    public static readonly IReadOnlySet<string> OnExistingRecords = new HashSet<string>
    {
        ChangeSubject, ChangeWebsite, CancelAccess, DeregisterSubject, DeregisterWebsite,
    };

    /// <summary>
    /// Types whose orders carry materials (certificates, the authenticity form): the ones whose originals a province may have
    /// mailed (Kingsoft). Cancelling access and deregistering carry none.
    /// </summary>
    public static readonly IReadOnlySet<string> WithMaterials = new HashSet<string>
    {
        NewFiling, AddWebsiteSubjectHere, AddWebsiteSubjectElsewhere, AccessSubjectHere, AccessSubjectElsewhere, ChangeSubject, ChangeWebsite,
    };

    /// <summary>Types that need the subject's filing password (备案密码; Tencent: access filings and deregistering a subject).</summary>
    public static readonly IReadOnlySet<string> NeedsFilingPassword = new HashSet<string> { AccessSubjectHere, AccessSubjectElsewhere, DeregisterSubject };

    public static bool IsKnown(string? type) => type is not null && Labels.ContainsKey(type);
}
