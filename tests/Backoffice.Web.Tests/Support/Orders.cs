using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Web.Tests.Support;

/// <summary>Valid order bodies with fresh certificate numbers, domains and IPs, so tests never share data.</summary>
public static class Orders
{
    public static string UniqueDomain() => $"t{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.com";

    public static string UniqueIp() =>
        string.Create(CultureInfo.InvariantCulture, $"101.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(1, 255)}");

    public static string UniqueResidentId(int age = 35) =>
        ResidentIdNumber.Create("440305", new DateOnly(DateTime.UtcNow.Year - age, 3, 14).AddDays(-RandomNumberGenerator.GetInt32(0, 300)),
            RandomNumberGenerator.GetInt32(0, 1000));

    public static string UniqueUscc(string authorityType = "91", string region = "440300") =>
        UnifiedSocialCreditCode.Create(authorityType, region, RandomOrgCodeBase());

    public static JsonObject Enterprise(string? domain = null, string? ip = null) => new()
    {
        ["verificationMethod"] = "curtain-photo",
        ["subject"] = new JsonObject
        {
            ["nature"] = "enterprise",
            ["province"] = "440000",
            ["name"] = "深圳市测试科技有限公司",
            ["certificateType"] = "uscc",
            ["certificateNumber"] = UniqueUscc(),
            ["certificateAddress"] = "深圳市南山区科技园科苑路8号",
            ["mailingAddress"] = "深圳市南山区科技园科苑路8号1201室",
            ["investorOrAuthority"] = "深圳市测试科技有限公司",
            ["principal"] = Principal("13800138000", "admin@example.com"),
        },
        ["websites"] = new JsonArray(Website(domain ?? UniqueDomain(), ip ?? UniqueIp())),
    };

    public static JsonObject Individual(string? domain = null)
    {
        var id = UniqueResidentId();
        var principal = Principal("13912345678", "zhang@example.com");
        principal["certificateNumber"] = id;
        principal.Remove("officePhone");
        var website = Website(domain ?? UniqueDomain(), UniqueIp());
        website["name"] = "张三的摄影笔记";
        website["serviceContent"] = "other";
        website["remark"] = "个人摄影作品展示与拍摄心得";
        return new JsonObject
        {
            ["verificationMethod"] = "curtain-photo",
            ["subject"] = new JsonObject
            {
                ["nature"] = "individual",
                ["province"] = "440000",
                ["name"] = "张三",
                ["certificateType"] = "resident-id",
                ["certificateNumber"] = id,
                ["certificateAddress"] = "广东省深圳市南山区桃源街道龙珠四路2号",
                ["mailingAddress"] = "广东省深圳市南山区桃源街道龙珠四路2号3栋501室",
                ["principal"] = principal,
            },
            ["websites"] = new JsonArray(website),
        };
    }

    public static JsonObject Principal(string mobile, string email) => new()
    {
        ["name"] = "张三",
        ["certificateType"] = "resident-id",
        ["certificateNumber"] = UniqueResidentId(),
        ["mobile"] = mobile,
        ["officePhone"] = "086-0755-12345678",
        ["email"] = email,
    };

    public static JsonObject Website(string domain, string ip) => new()
    {
        ["name"] = "测试科技官网",
        ["domains"] = new JsonArray(domain),
        ["homepageUrls"] = new JsonArray($"www.{domain}"),
        ["serviceContent"] = "corporate-portal",
        ["preApprovals"] = new JsonArray(),
        ["languages"] = new JsonArray("zh-Hans"),
        ["accessResource"] = new JsonObject { ["kind"] = "instance-ip", ["value"] = ip },
        ["principal"] = null,
        ["remark"] = "",
    };

    private static string RandomOrgCodeBase()
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return string.Concat(Enumerable.Range(0, 8).Select(_ => chars[RandomNumberGenerator.GetInt32(chars.Length)]));
    }
}
