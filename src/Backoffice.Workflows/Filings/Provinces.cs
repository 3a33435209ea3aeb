namespace Backoffice.Workflows.Filings;

/// <summary>GB/T 2260 province codes with the short names used in filing numbers (docs/DOMAIN.md).</summary>
public static class Provinces
{
    public sealed record Province(string Code, string ShortName, string Zh, string En);

    public const string Beijing = "110000";
    public const string Tianjin = "120000";
    public const string Shanghai = "310000";

    public static readonly IReadOnlyList<Province> All =
    [
        new("110000", "京", "北京", "Beijing"), new("120000", "津", "天津", "Tianjin"),
        new("130000", "冀", "河北", "Hebei"), new("140000", "晋", "山西", "Shanxi"),
        new("150000", "蒙", "内蒙古", "Inner Mongolia"), new("210000", "辽", "辽宁", "Liaoning"),
        new("220000", "吉", "吉林", "Jilin"), new("230000", "黑", "黑龙江", "Heilongjiang"),
        new("310000", "沪", "上海", "Shanghai"), new("320000", "苏", "江苏", "Jiangsu"),
        new("330000", "浙", "浙江", "Zhejiang"), new("340000", "皖", "安徽", "Anhui"),
        new("350000", "闽", "福建", "Fujian"), new("360000", "赣", "江西", "Jiangxi"),
        new("370000", "鲁", "山东", "Shandong"), new("410000", "豫", "河南", "Henan"),
        new("420000", "鄂", "湖北", "Hubei"), new("430000", "湘", "湖南", "Hunan"),
        new("440000", "粤", "广东", "Guangdong"), new("450000", "桂", "广西", "Guangxi"),
        new("460000", "琼", "海南", "Hainan"), new("500000", "渝", "重庆", "Chongqing"),
        new("510000", "川", "四川", "Sichuan"), new("520000", "贵", "贵州", "Guizhou"),
        new("530000", "云", "云南", "Yunnan"), new("540000", "藏", "西藏", "Tibet"),
        new("610000", "陕", "陕西", "Shaanxi"), new("620000", "甘", "甘肃", "Gansu"),
        new("630000", "青", "青海", "Qinghai"), new("640000", "宁", "宁夏", "Ningxia"),
        new("650000", "新", "新疆", "Xinjiang"),
    ];

    private static readonly Dictionary<string, Province> ByCode = All.ToDictionary(p => p.Code);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Province Get(string code) => ByCode[code];

    /// <summary>The province code (first two digits + 0000) of a six-digit region code, if it is a mainland province.</summary>
    public static string? OfRegion(string regionCode) =>
        regionCode.Length >= 2 && IsKnown(regionCode[..2] + "0000") ? regionCode[..2] + "0000" : null;
}
