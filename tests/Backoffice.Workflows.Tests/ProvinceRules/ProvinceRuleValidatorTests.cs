using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Tests.Filings;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Tests.ProvinceRules;

public sealed class ProvinceRuleValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void The_shipped_defaults_are_a_valid_rule_set_with_every_province()
    {
        Assert.True(ProvinceRuleValidator.Validate(ProvinceRuleDefaults.Set, "出厂默认").IsEmpty);
        Assert.Equal(Provinces.All.Count, ProvinceRuleDefaults.Set.Provinces!.Count);
    }

    [Fact]
    public void Each_bad_member_is_reported_at_its_path()
    {
        var provinces = ProvinceRuleDefaults.Set.Provinces!.ToList();
        provinces[0] = provinces[0]! with
        {
            SmsWindowHours = 0, VerificationMethods = [], MailedOriginals = ["new-planet"], AuthenticityChecks = ["signature"],
            RefusedMobilePrefixes = ["2"], PersonalSiteNameWords = [" 空格"],
        };
        provinces[1] = provinces[1]! with { Province = "110000", SmsStep = null };
        var rules = ProvinceRuleDefaults.Set with { SmsWindowHours = 500, Provinces = provinces };

        var codes = ProvinceRuleValidator.Validate(rules, " ").ToCodes();

        Assert.Equal(["required"], codes["note"]);
        Assert.Equal(["sms-window-range"], codes["smsWindowHours"]);
        Assert.Equal(["sms-window-range"], codes["provinces[0].smsWindowHours"]);
        Assert.Equal(["verification-methods-empty"], codes["provinces[0].verificationMethods"]);
        Assert.Equal(["invalid-choice"], codes["provinces[0].mailedOriginals[0]"]);
        Assert.Equal(["invalid-choice"], codes["provinces[0].authenticityChecks[0]"]);
        Assert.Equal(["mobile-prefix-format"], codes["provinces[0].refusedMobilePrefixes[0]"]);
        Assert.Equal(["word-length"], codes["provinces[0].personalSiteNameWords[0]"]);
        Assert.Equal(["province-duplicate"], codes["provinces[1].province"]);
        Assert.Equal(["required"], codes["provinces[1].smsStep"]);
    }

    [Fact]
    public void A_set_missing_a_province_names_it()
    {
        var rules = ProvinceRuleDefaults.Set with { Provinces = [.. ProvinceRuleDefaults.Set.Provinces!.Where(p => p!.Province != "650000")] };

        var errors = ProvinceRuleValidator.Validate(rules, "去掉新疆");

        Assert.Equal(["provinces-incomplete"], errors.ToCodes()["provinces"]);
        Assert.Contains("650000", errors.ToDictionary(false)["provinces"][0]);
    }

    [Fact]
    public void Shanghai_takes_the_app_from_resident_id_holders_and_the_curtain_photo_from_others()
    {
        var shanghai = ValidOrders.Individual() with
        {
            VerificationMethod = "curtain-photo", Subject = ValidOrders.Individual().Subject! with { Province = "310000" },
        };
        var passport = shanghai.Subject!.Principal! with { CertificateType = "passport", CertificateNumber = "E12345678" };

        Assert.Equal(["verification-method-not-accepted"], Codes(shanghai)["verificationMethod"]);
        Assert.False(Codes(shanghai with { VerificationMethod = "app" }).ContainsKey("verificationMethod"));
        Assert.False(Codes(shanghai with { Subject = shanghai.Subject with { Principal = passport } }).ContainsKey("verificationMethod"));
    }

    [Fact]
    public void Tianjin_individuals_need_a_landline_and_a_refused_mobile_prefix_is_named()
    {
        var tianjin = ValidOrders.Individual() with { Subject = ValidOrders.Individual().Subject! with { Province = "120000" } };
        var rules = With("120000", r => r with { RefusedMobilePrefixes = ["138"] });

        var codes = FilingOrderValidator.Validate(tianjin, FilingType.NewFiling, Today, new FilingRules(), rules).ToCodes();

        Assert.Equal(["office-phone-required-in-province"], codes["subject.principal.officePhone"]);
        Assert.Equal(["mobile-prefix-refused"], codes["subject.principal.mobile"]);
        Assert.False(Codes(ValidOrders.Individual()).ContainsKey("subject.principal.officePhone"));
    }

    private static ProvinceRuleSet With(string province, Func<ProvinceRule, ProvinceRule> change) => ProvinceRuleDefaults.Set with
    {
        Provinces = [.. ProvinceRuleDefaults.Set.Provinces!.Select(p => p!.Province == province ? change(p) : p)],
    };

    private static IDictionary<string, string[]> Codes(FilingOrderRequest order) =>
        FilingOrderValidator.Validate(order, FilingType.NewFiling, Today, new FilingRules(), ProvinceRuleDefaults.Set).ToCodes();
}
