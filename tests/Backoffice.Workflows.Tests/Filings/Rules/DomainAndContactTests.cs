using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Workflows.Tests.Filings.Rules;

public sealed class DomainAndContactTests
{
    private static readonly FilingRules Rules = new();

    [Theory]
    [InlineData("example.com", "440000", null)]
    [InlineData("Example.COM.cn", "440000", null)]
    [InlineData("例子.中国", "440000", null)]
    [InlineData("example.cc", "440000", null)]
    [InlineData("example.cc", "110000", "domain-suffix-beijing")]
    [InlineData("example.hk", "440000", "domain-suffix-refused")]
    [InlineData("example.biz", "440000", "domain-suffix-refused")]
    [InlineData("example.zz", "440000", "domain-suffix-not-approved")]
    [InlineData("www.example.com", "440000", "domain-not-registrable")]
    [InlineData("exa mple.com", "440000", "domain-syntax")]
    [InlineData("-example.com", "440000", "domain-syntax")]
    [InlineData("203.0.113.10", "440000", "domain-syntax")]
    public void Domains_are_checked_for_syntax_suffix_and_province(string domain, string province, string? error) =>
        Assert.Equal(error, DomainName.Check(domain, province, Rules, out _));

    [Fact]
    public void Chinese_domains_are_kept_in_punycode()
    {
        Assert.True(DomainName.TryNormalize("例子.中国", out var ascii));
        Assert.Equal("xn--fsqu00a.xn--fiqs8s", ascii);
    }

    [Theory]
    [InlineData("www.example.com", null)]
    [InlineData("example.com/index.html", null)]
    [InlineData("https://shop.example.com:8443/", null)]
    [InlineData("www.other.com", "homepage-not-on-domains")]
    [InlineData("ftp://example.com", "homepage-format")]
    [InlineData("203.0.113.10", "homepage-format")]
    [InlineData("\ud800", "homepage-format")]
    [InlineData("\u202e\u200b", "homepage-format")]
    [InlineData("www.\u202eexample.com", "homepage-format")]
    public void Homepage_must_be_on_one_of_the_websites_domains(string url, string? error) =>
        Assert.Equal(error, HomepageUrl.Check(url, ["example.com"]));

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    public void Mobiles_are_mainland_eleven_digit_numbers(string mobile, bool valid) =>
        Assert.Equal(valid, ContactRules.IsMobile(mobile));

    [Theory]
    [InlineData("086-0755-12345678", true)]
    [InlineData("086-010-1234567", true)]
    [InlineData("0755-12345678", false)]
    [InlineData("086-755-12345678", false)]
    public void Office_phones_use_the_bureaus_format(string phone, bool valid) =>
        Assert.Equal(valid, ContactRules.IsOfficePhone(phone));

    [Theory]
    [InlineData("a@example.com", true)]
    [InlineData("a.b+c@mail.example.com.cn", true)]
    [InlineData("not-an-email", false)]
    [InlineData("a@b", false)]
    public void Emails_are_checked(string email, bool valid) =>
        Assert.Equal(valid, ContactRules.IsEmail(email));
}
