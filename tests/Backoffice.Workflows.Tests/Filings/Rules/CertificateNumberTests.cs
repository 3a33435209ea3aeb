using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Workflows.Tests.Filings.Rules;

public sealed class CertificateNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440305199001010018")]
    [InlineData("110101199003074477")]
    public void Valid_resident_id_numbers_pass(string number) =>
        Assert.Null(ResidentIdNumber.Check(number, Today, out _));

    [Theory]
    [InlineData("440305199001010012", "resident-id-check")]
    [InlineData("110105194912310021", "resident-id-check")]
    [InlineData("11010519491231002", "resident-id-format")]
    [InlineData("1101051949123100AX", "resident-id-format")]
    [InlineData("990105194912310028", "resident-id-region")]
    [InlineData("110105194913310020", "resident-id-birth-date")]
    [InlineData("110105203001010010", "resident-id-birth-date")]
    public void Invalid_resident_id_numbers_are_refused_with_the_reason(string number, string code) =>
        Assert.Equal(code, ResidentIdNumber.Check(number, Today, out _));

    [Fact]
    public void Created_resident_id_carries_a_correct_check_character()
    {
        var number = ResidentIdNumber.Create("440305", new DateOnly(1990, 1, 1), 1);

        Assert.Equal("440305199001010018", number);
        Assert.Null(ResidentIdNumber.Check(number, Today, out var birth));
        Assert.Equal(36, ResidentIdNumber.Age(birth, Today));
    }

    [Theory]
    [InlineData("91440300708461136T")]
    [InlineData("914403001922038216")]
    [InlineData("91110000802100433B")]
    [InlineData("91110108551385082Q")]
    [InlineData("91350100M000100Y43")]
    public void Real_unified_social_credit_codes_pass(string code) =>
        Assert.Null(UnifiedSocialCreditCode.Check(code));

    [Theory]
    [InlineData("91440300708461136A", "uscc-check")]
    [InlineData("91440300708461135T", "uscc-organisation-code")]
    [InlineData("91440300708461I36T", "uscc-format")]
    [InlineData("9144030070846113", "uscc-format")]
    [InlineData("91990300708461136T", "uscc-region")]
    public void Corrupted_unified_social_credit_codes_are_refused(string code, string error) =>
        Assert.Equal(error, UnifiedSocialCreditCode.Check(code));

    [Fact]
    public void Credit_code_tells_the_issuing_province()
    {
        Assert.Equal("440000", UnifiedSocialCreditCode.ProvinceOf("91440300708461136T"));
        Assert.Equal("91", UnifiedSocialCreditCode.AuthorityAndType("91440300708461136T"));
        Assert.Null(UnifiedSocialCreditCode.Check(UnifiedSocialCreditCode.Create("12", "310115", "MB2C7Y0K")));
    }

    [Theory]
    [InlineData("passport", "E12345678", null)]
    [InlineData("passport", "x", "passport-format")]
    [InlineData("hk-macao-permit", "H12345678", null)]
    [InlineData("hk-macao-permit", "K12345678", "hk-macao-permit-format")]
    [InlineData("taiwan-permit", "12345678", null)]
    [InlineData("taiwan-permit", "1234567", "taiwan-permit-format")]
    public void Person_documents_follow_their_formats(string type, string number, string? error) =>
        Assert.Equal(error, PersonDocuments.CheckPersonNumber(type, number, Today, out _));
}
