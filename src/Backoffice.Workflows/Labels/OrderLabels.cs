namespace Backoffice.Workflows.Labels;

/// <summary>Labels of the codes in an order's body (API.md, DOMAIN.md): subject, websites, materials.</summary>
internal static class OrderLabels
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Natures = new Dictionary<string, (string, string)>
    {
        ["enterprise"] = ("企业", "Enterprise"),
        ["individual"] = ("个人", "Individual"),
        ["government"] = ("政府机关", "Government body"),
        ["institution"] = ("事业单位", "Public institution"),
        ["social-organization"] = ("社会团体", "Social organisation"),
        ["private-non-enterprise"] = ("民办非企业单位", "Private non-enterprise unit"),
        ["foundation"] = ("基金会", "Foundation"),
        ["law-firm"] = ("律师执业机构", "Law firm"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> CertificateTypes = new Dictionary<string, (string, string)>
    {
        ["uscc"] = ("统一社会信用代码", "Unified social credit code"),
        ["resident-id"] = ("居民身份证", "Resident ID card"),
        ["passport"] = ("护照", "Passport"),
        ["hk-macao-permit"] = ("港澳居民来往内地通行证", "Hong Kong/Macao travel permit"),
        ["taiwan-permit"] = ("台湾居民来往大陆通行证", "Taiwan travel permit"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> ServiceContents = new Dictionary<string, (string, string)>
    {
        ["comprehensive-portal"] = ("综合门户", "Comprehensive portal"),
        ["corporate-portal"] = ("单位门户", "Organisation portal"),
        ["personal-space"] = ("个人空间", "Personal space"),
        ["other"] = ("其他", "Other"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> PreApprovals = new Dictionary<string, (string, string)>
    {
        ["news"] = ("新闻", "News"),
        ["publishing"] = ("出版", "Publishing"),
        ["education"] = ("教育", "Education"),
        ["medical"] = ("医疗保健", "Medical and health"),
        ["drugs-medical-devices"] = ("药品和医疗器械", "Drugs and medical devices"),
        ["electronic-bulletin"] = ("电子公告服务", "Electronic bulletin"),
        ["culture"] = ("文化", "Culture"),
        ["radio-film-tv"] = ("广播电影电视节目", "Radio, film and TV"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Languages = new Dictionary<string, (string, string)>
    {
        ["zh-Hans"] = ("简体中文", "Simplified Chinese"),
        ["zh-Hant"] = ("繁体中文", "Traditional Chinese"),
        ["en"] = ("英语", "English"),
        ["ja"] = ("日语", "Japanese"),
        ["ko"] = ("韩语", "Korean"),
        ["ru"] = ("俄语", "Russian"),
        ["fr"] = ("法语", "French"),
        ["de"] = ("德语", "German"),
        ["es"] = ("西班牙语", "Spanish"),
        ["ar"] = ("阿拉伯语", "Arabic"),
        ["pt"] = ("葡萄牙语", "Portuguese"),
        ["it"] = ("意大利语", "Italian"),
        ["bo"] = ("藏语", "Tibetan"),
        ["ug"] = ("维吾尔语", "Uyghur"),
        ["mn"] = ("蒙古语", "Mongolian"),
        ["ii"] = ("彝语", "Yi"),
        ["za"] = ("壮语", "Zhuang"),
        ["kk"] = ("哈萨克语", "Kazakh"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> AccessResources = new Dictionary<string, (string, string)>
    {
        ["instance-ip"] = ("云服务器公网IP", "Cloud server public IP"),
        ["authorization-code"] = ("备案授权码", "Filing authorization code"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> VerificationMethods = new Dictionary<string, (string, string)>
    {
        ["curtain-photo"] = ("幕布拍照核验", "Curtain photo"),
        ["electronic"] = ("电子核验", "Electronic verification"),
        ["app"] = ("管局APP核验", "Bureau app verification"),
    };

    /// <summary>The authenticity form's province checks; the Chinese label is the checklist item a review step requires.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> AuthenticityChecks = new Dictionary<string, (string, string)>
    {
        ["handwritten-pledge"] = ("核验单已手写承诺语句", "Handwritten pledge on the authenticity form"),
        ["fingerprint"] = ("核验单已按手印", "Fingerprint on the authenticity form"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> MaterialKinds = new Dictionary<string, (string, string)>
    {
        ["business-license"] = ("营业执照", "Business licence"),
        ["id-card-front"] = ("身份证人像面", "ID card (photo side)"),
        ["id-card-back"] = ("身份证国徽面", "ID card (emblem side)"),
        ["verification-form"] = ("网站备案信息真实性核验单", "Authenticity verification form"),
        ["curtain-photo"] = ("幕布照", "Curtain photo"),
        ["domain-certificate"] = ("域名证书", "Domain certificate"),
        ["pre-approval"] = ("前置审批文件", "Pre-approval document"),
        ["authorization-letter"] = ("授权书", "Authorization letter"),
        ["employment-proof"] = ("就业证明", "Proof of employment"),
    };
}
