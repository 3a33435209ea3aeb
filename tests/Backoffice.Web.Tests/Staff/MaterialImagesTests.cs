using Backoffice.Web.Features.Demo;
using Backoffice.Workflows.Filings.Rules;
using SkiaSharp;

namespace Backoffice.Web.Tests.Staff;

/// <summary>The demo orders' materials are real images, accepted by the upload rules, drawn with the order's own data.</summary>
public sealed class MaterialImagesTests
{
    private static readonly MaterialImages.Facts Facts = new(
        "深圳市云帆科技有限公司", "91440300MA5D1234XY", "广东省深圳市南山区科技园科发路1号", "李明", "440305198506011234", "深圳市云帆科技官网", "demo-1.cn");

    [Theory]
    [InlineData("business-license", 1200, 850)]
    [InlineData("id-card-front", 856, 540)]
    [InlineData("id-card-back", 856, 540)]
    [InlineData("verification-form", 900, 1200)]
    [InlineData("curtain-photo", 900, 1200)]
    public void Each_kind_is_a_jpeg_the_upload_accepts_with_something_drawn_on_it(string kind, int width, int height)
    {
        var jpeg = MaterialImages.Draw(kind, Facts)!;

        Assert.Null(Materials.Check(kind, jpeg, 10 * 1024 * 1024, out var type));
        Assert.Equal(Materials.Jpeg, type);
        using var bitmap = SKBitmap.Decode(jpeg);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Take(50).Count() == 50, "the image is more than a blank page");
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "backoffice-materials"));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "backoffice-materials", $"{kind}.jpg"), jpeg);
    }

    [Fact]
    public void The_orders_own_data_changes_the_licence_and_the_id_card()
    {
        var other = Facts with { SubjectName = "广州市青禾网络科技有限公司", PrincipalIdNumber = "440305198506021235" };

        Assert.NotEqual(MaterialImages.Draw("business-license", Facts), MaterialImages.Draw("business-license", other));
        Assert.NotEqual(MaterialImages.Draw("id-card-front", Facts), MaterialImages.Draw("id-card-front", other));
        Assert.Null(MaterialImages.Draw("pre-approval", Facts));
    }
}
