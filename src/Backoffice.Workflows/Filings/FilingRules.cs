namespace Backoffice.Workflows.Filings;

/// <summary>The provider's limits (docs/DOMAIN.md defaults; providers differ).</summary>
public sealed record FilingRules
{
    public int MaxWebsitesPerOrder { get; init; } = 3;
    public int MaxDomainsPerWebsite { get; init; } = 5;
    public int MaxWebsitesPerAccessResource { get; init; } = 5;
    public int MaxMaterialBytes { get; init; } = 2 * 1024 * 1024;

    public IReadOnlyList<string> AllowedSuffixes { get; init; } =
    [
        "com", "cn", "net", "org", "cc", "tv", "mobi", "tel", "wang", "ren", "info", "xyz", "top", "vip", "club", "site", "online",
        "shop", "store", "tech", "ltd", "group", "link", "work", "cloud", "fun", "pub", "live", "art", "red", "love", "kim", "pro",
        "中国", "网络", "公司", "商城", "网址", "在线", "中文网",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
        "bj.cn", "tj.cn", "he.cn", "sx.cn", "nm.cn", "ln.cn", "jl.cn", "hl.cn", "sh.cn", "js.cn", "zj.cn", "ah.cn", "fj.cn", "jx.cn",
        "sd.cn", "ha.cn", "hb.cn", "hn.cn", "gd.cn", "gx.cn", "hi.cn", "cq.cn", "sc.cn", "gz.cn", "yn.cn", "xz.cn", "sn.cn", "gs.cn",
        "qh.cn", "nx.cn", "xj.cn",
    ];

    public IReadOnlyList<string> RefusedSuffixes { get; init; } = ["hk", "tw", "asia", "jp", "co", "so", "biz", "me", "io", "ws", "us", "uk", "eu"];
}
