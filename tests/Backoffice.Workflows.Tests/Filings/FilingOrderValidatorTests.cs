using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Tests.Filings;

public sealed class FilingOrderValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly FilingRules Rules = new();

    [Fact]
    public void Valid_enterprise_and_individual_orders_pass()
    {
        Assert.Empty(Codes(ValidOrders.Enterprise()));
        Assert.Empty(Codes(ValidOrders.Individual()));
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_path()
    {
        var order = ValidOrders.Enterprise() with
        {
            Subject = ValidOrders.Enterprise().Subject! with
            {
                CertificateNumber = "91440300708461136A",
                Principal = ValidOrders.Principal() with { Mobile = "123", Email = "x" },
            },
        };

        var codes = Codes(order);

        Assert.Equal(["uscc-check"], codes["subject.certificateNumber"]);
        Assert.Equal(["mobile-format"], codes["subject.principal.mobile"]);
        Assert.Equal(["email-format"], codes["subject.principal.email"]);
    }

    [Fact]
    public void Organisation_files_in_the_province_of_its_certificate_and_with_a_matching_nature()
    {
        var wrongProvince = ValidOrders.Enterprise() with { Subject = ValidOrders.Enterprise().Subject! with { Province = "110000" } };
        var wrongNature = ValidOrders.Enterprise() with { Subject = ValidOrders.Enterprise().Subject! with { Nature = "foundation" } };

        Assert.Equal(["uscc-province-mismatch"], Codes(wrongProvince)["subject.province"]);
        Assert.Equal(["uscc-nature-mismatch"], Codes(wrongNature)["subject.certificateNumber"]);
    }

    [Fact]
    public void Young_principals_are_refused_where_the_rules_say()
    {
        var young = ValidOrders.Principal() with { CertificateNumber = ResidentIdNumber.Create("440305", Today.AddYears(-15), 7) };
        var adultWebsitePrincipal = ValidOrders.Principal() with { CertificateNumber = ResidentIdNumber.Create("440305", Today.AddYears(-17), 9), Mobile = "13900000001", Email = "w@example.com" };
        var order = ValidOrders.Enterprise() with
        {
            Subject = ValidOrders.Enterprise().Subject! with { Principal = young },
            Websites = [ValidOrders.Website() with { Principal = adultWebsitePrincipal }],
        };

        var codes = Codes(order);

        Assert.Equal(["principal-too-young"], codes["subject.principal.certificateNumber"]);
        Assert.Equal(["website-principal-too-young"], codes["websites[0].principal.certificateNumber"]);
    }

    [Fact]
    public void A_different_website_principal_needs_a_different_mobile_and_email()
    {
        var other = ValidOrders.Principal() with { CertificateNumber = ResidentIdNumber.Create("110105", new DateOnly(1985, 5, 5), 3) };
        var order = ValidOrders.Enterprise() with { Websites = [ValidOrders.Website() with { Principal = other }] };

        var codes = Codes(order);

        Assert.Equal(["principal-mobile-same"], codes["websites[0].principal.mobile"]);
        Assert.Equal(["principal-email-same"], codes["websites[0].principal.email"]);
    }

    [Fact]
    public void Personal_sites_must_not_look_like_organisations_and_need_a_remark()
    {
        var order = ValidOrders.Individual() with
        {
            Websites = [ValidOrders.Website() with { Name = "张三科技公司官网", ServiceContent = "corporate-portal", Remark = "" }],
        };

        var codes = Codes(order);

        Assert.Equal(["personal-site-name"], codes["websites[0].name"]);
        Assert.Equal(["personal-service-content"], codes["websites[0].serviceContent"]);
        Assert.Equal(["personal-site-remark"], codes["websites[0].remark"]);
    }

    [Fact]
    public void Order_limits_domains_websites_and_authorization_codes()
    {
        var code = new AccessResourceInfo { Kind = "authorization-code", Value = "ABCDEFGH12345678" };
        var order = ValidOrders.Enterprise() with
        {
            Websites =
            [
                ValidOrders.Website() with { AccessResource = code },
                ValidOrders.Website("two.com") with { Domains = ["example.com"], HomepageUrls = ["www.example.com"], AccessResource = code },
                ValidOrders.Website("three.com"),
                ValidOrders.Website("four.com"),
            ],
        };
        var duplicates = ValidOrders.Enterprise() with
        {
            Websites = [ValidOrders.Website() with { AccessResource = code }, ValidOrders.Website("two.com") with { AccessResource = code }],
        };

        Assert.Equal(["websites-count"], Codes(order)["websites"]);
        var codes = Codes(duplicates);
        Assert.Equal(["authorization-code-duplicate"], codes["websites[1].accessResource.value"]);
    }

    [Fact]
    public void Shanghai_resident_id_holders_need_app_verification_and_private_ips_are_refused()
    {
        var order = ValidOrders.Enterprise() with
        {
            Subject = ValidOrders.Enterprise().Subject! with { Province = "310000", CertificateNumber = UnifiedSocialCreditCode.Create("91", "310115", "MA1FL0AB") },
            Websites = [ValidOrders.Website() with { AccessResource = new AccessResourceInfo { Kind = "instance-ip", Value = "192.168.1.10" } }],
        };

        var codes = Codes(order);

        Assert.Equal(["verification-method-not-accepted"], codes["verificationMethod"]);
        Assert.Equal(["ip-not-public"], codes["websites[0].accessResource.value"]);
    }

    [Fact]
    public void Text_with_control_characters_is_refused()
    {
        var order = ValidOrders.Enterprise() with { Subject = ValidOrders.Enterprise().Subject! with { Name = "某某\u0000公司" } };

        Assert.Equal(["control-characters"], Codes(order)["subject.name"]);
    }

    [Fact]
    public void Every_code_the_rules_emit_has_a_Chinese_and_an_English_message()
    {
        foreach (var code in ValidationMessages.Codes)
        {
            var zh = ValidationMessages.Format(code, false, ["x", "y"]);
            var en = ValidationMessages.Format(code, true, ["x", "y"]);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en.Replace("投资管理", "").Replace("担保", "").Replace("典当", "").Replace("贷款", "").Replace("理财", "").Replace("粤ICP备12345678号", ""));
        }
    }

    [Fact]
    public void Submission_lists_missing_materials_per_website()
    {
        var order = ValidOrders.Enterprise() with { Websites = [ValidOrders.Website() with { PreApprovals = ["education"] }] };

        var missing = SubmissionChecklist.Check(order, FilingType.NewFiling, [("business-license", null)], Today).ToCodes().Keys;

        Assert.Equal(["materials.id-card-front", "materials.id-card-back", "materials.verification-form[0]", "materials.pre-approval[0]"], missing);
    }

    private static IDictionary<string, string[]> Codes(FilingOrderRequest order) =>
        FilingOrderValidator.Validate(order, FilingType.NewFiling, Today, Rules, ProvinceRuleDefaults.Set).ToCodes();
}
