using Backoffice.Workflows.Filings;

namespace Backoffice.Workflows.Tests.Filings;

/// <summary>Valid orders to start from; each test changes what it is about.</summary>
public static class ValidOrders
{
    public static PrincipalInfo Principal() => new()
    {
        Name = "张三", CertificateType = "resident-id", CertificateNumber = "11010519491231002X",
        Mobile = "13800138000", OfficePhone = "086-0755-12345678", Email = "a@example.com",
    };

    public static WebsiteInfo Website(string domain = "example.com") => new()
    {
        Name = "某某科技官网", Domains = [domain], HomepageUrls = [$"www.{domain}"], ServiceContent = "corporate-portal",
        PreApprovals = [], Languages = ["zh-Hans"], AccessResource = new AccessResourceInfo { Kind = "instance-ip", Value = "203.0.113.10" },
    };

    public static FilingOrderRequest Enterprise() => new()
    {
        VerificationMethod = "curtain-photo",
        Subject = new SubjectInfo
        {
            Nature = "enterprise", Province = "440000", Name = "深圳市腾讯计算机系统有限公司", CertificateType = "uscc",
            CertificateNumber = "91440300708461136T", CertificateAddress = "深圳市南山区高新区科技中一路腾讯大厦",
            MailingAddress = "深圳市南山区海天二路33号", InvestorOrAuthority = "深圳市腾讯计算机系统有限公司", Principal = Principal(),
        },
        Websites = [Website()],
    };

    public static FilingOrderRequest Individual() => new()
    {
        VerificationMethod = "curtain-photo",
        Subject = new SubjectInfo
        {
            Nature = "individual", Province = "440000", Name = "张三", CertificateType = "resident-id",
            CertificateNumber = "11010519491231002X", CertificateAddress = "北京市朝阳区某某街道1号",
            MailingAddress = "深圳市南山区桃源街道2号", Principal = Principal() with { OfficePhone = null },
        },
        Websites = [Website() with { Name = "张三的摄影笔记", ServiceContent = "personal-space", Remark = "个人摄影作品" }],
    };
}
