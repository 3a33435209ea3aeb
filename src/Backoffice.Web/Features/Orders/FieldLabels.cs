using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Workflows.Labels;

namespace Backoffice.Web.Features.Orders;

/// <summary>What a field or material path of <see cref="Backoffice.Workflows.Filings.OrderFields"/> is called on the staff pages: 「网站 1 负责人 · 手机」.</summary>
public static partial class FieldLabels
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new(StringComparer.Ordinal)
    {
        ["filingType"] = ("备案类型", "Filing type"), ["verificationMethod"] = ("核验方式", "Verification method"),
        ["subjectFilingNumber"] = ("主体备案号", "Subject filing number"), ["websiteFilingNumber"] = ("网站备案号", "Website filing number"),
        ["filingPassword"] = ("备案密码", "Filing password"), ["remark"] = ("备注", "Remark"),
        ["nature"] = ("性质", "Nature"), ["province"] = ("省份", "Province"), ["name"] = ("名称", "Name"),
        ["certificateType"] = ("证件类型", "Certificate type"), ["certificateNumber"] = ("证件号码", "Certificate number"),
        ["certificateAddress"] = ("证件地址", "Certificate address"), ["mailingAddress"] = ("通信地址", "Mailing address"),
        ["addressRemark"] = ("地址备注", "Address remark"), ["investorOrAuthority"] = ("投资人或主管单位", "Investor or authority"),
        ["mobile"] = ("手机", "Mobile"), ["officePhone"] = ("办公电话", "Office phone"), ["email"] = ("电子邮箱", "E-mail"),
        ["emergencyPhone"] = ("应急电话", "Emergency phone"), ["isLegalRepresentative"] = ("是否法定代表人", "Legal representative"),
        ["domains"] = ("域名", "Domains"), ["homepageUrls"] = ("首页", "Homepage"), ["serviceContent"] = ("服务内容", "Service content"),
        ["languages"] = ("语言", "Languages"), ["preApprovals"] = ("前置审批", "Pre-approvals"),
        ["accessResource.kind"] = ("接入资源类型", "Access resource type"), ["accessResource.value"] = ("接入资源", "Access resource"),
    };

    public static string Of(string path, bool english)
    {
        var parts = new List<string>();
        var rest = path;
        if (rest.StartsWith("subject.", StringComparison.Ordinal))
        {
            parts.Add(english ? "Subject" : "主体");
            rest = rest["subject.".Length..];
        }
        else if (Website().Match(rest) is { Success: true } site)
        {
            var n = (int.Parse(site.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            parts.Add(english ? $"Website {n}" : $"网站 {n}");
            rest = rest[site.Length..];
        }

        if (rest.StartsWith("principal.", StringComparison.Ordinal))
        {
            parts[^1] += english ? " principal" : "负责人";
            rest = rest["principal.".Length..];
        }

        if (rest.StartsWith("materials.", StringComparison.Ordinal))
        {
            parts.Add(english ? "Material" : "材料");
            rest = LabelCatalogue.Of(LabelSet.MaterialKind, rest["materials.".Length..], english);
        }

        parts.Add(Names.TryGetValue(rest, out var label) ? (english ? label.En : label.Zh) : rest);
        return string.Join(" · ", parts);
    }

    [GeneratedRegex(@"^websites\[(\d+)\]\.")]
    private static partial Regex Website();
}
