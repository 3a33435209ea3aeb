using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Workflows.Tests.Filings.Rules;

public sealed class MaterialsTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    private static readonly byte[] Pdf = "%PDF-1.4 ..."u8.ToArray();
    private static readonly byte[] Html = "<html><script>alert(1)</script></html>"u8.ToArray();

    [Fact]
    public void Type_is_sniffed_from_content_not_name()
    {
        Assert.Null(Materials.Check("id-card-front", Jpeg, 1000, out var type));
        Assert.Equal("image/jpeg", type);
        Assert.Equal("material-type-not-allowed", Materials.Check("id-card-front", Html, 1000, out _));
        Assert.Equal("material-type-not-allowed", Materials.Check("curtain-photo", Pdf, 1000, out _));
        Assert.Null(Materials.Check("verification-form", Pdf, 1000, out _));
    }

    [Fact]
    public void Empty_and_oversize_files_are_refused()
    {
        Assert.Equal("material-empty", Materials.Check("id-card-front", [], 1000, out _));
        Assert.Equal("material-too-large", Materials.Check("id-card-front", Jpeg, 5, out _));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("C:\\temp\\photo.jpg", "photo.jpg")]
    [InlineData("a\u0000b.jpg", "ab.jpg")]
    [InlineData("", "file")]
    public void File_names_keep_only_a_safe_base_name(string name, string expected) =>
        Assert.Equal(expected, Materials.SafeFileName(name));
}
