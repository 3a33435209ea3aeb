using SkiaSharp;

namespace Backoffice.Web.Features.Demo;

/// <summary>
/// Material images for demo orders: a business licence, both sides of an ID card, a verification form and a curtain
/// photo, drawn as JPEG with the order's own names and numbers, so the review viewer shows what a reviewer would
/// compare. Chinese text uses WenQuanYi Micro Hei when installed (the set-up installs fonts-wqy-microhei).
/// </summary>
public static class MaterialImages
{
    private const string ChineseFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static readonly Lazy<SKTypeface> Face = new(() =>
        File.Exists(ChineseFont) ? SKTypeface.FromFile(ChineseFont) : SKTypeface.Default);

    /// <summary>What is drawn on the images: the subject's and the principal's particulars as filed.</summary>
    public sealed record Facts(
        string SubjectName, string CertificateNumber, string CertificateAddress, string PrincipalName, string PrincipalIdNumber,
        string WebsiteName, string Domain);

    /// <summary>The JPEG of a material kind, or null for a kind that has no demo image.</summary>
    public static byte[]? Draw(string kind, Facts facts) => kind switch
    {
        "business-license" => Licence(facts),
        "id-card-front" => IdCardFront(facts),
        "id-card-back" => IdCardBack(),
        "verification-form" => VerificationForm(facts),
        "curtain-photo" => CurtainPhoto(facts),
        _ => null,
    };

    private static byte[] Licence(Facts f) => Render(1200, 850, new SKColor(0xFB, 0xF6, 0xEA), canvas =>
    {
        Frame(canvas, 1200, 850, new SKColor(0xB4, 0x2B, 0x2B), 18);
        Text(canvas, "营 业 执 照", 600, 140, 64, SKColors.Black, SKTextAlign.Center);
        Text(canvas, "（副  本）", 600, 195, 30, SKColors.Black, SKTextAlign.Center);
        var y = 290;
        foreach (var (label, value) in new[]
        {
            ("统一社会信用代码", f.CertificateNumber), ("名        称", f.SubjectName), ("类        型", "有限责任公司"),
            ("法定代表人", f.PrincipalName), ("住        所", f.CertificateAddress), ("成立日期", "2019年03月18日"),
        })
        {
            Text(canvas, label, 120, y, 30, new SKColor(0x33, 0x33, 0x33));
            Text(canvas, value, 380, y, 30, SKColors.Black);
            y += 70;
        }

        Seal(canvas, 950, 700, "市场监督管理局");
    });

    private static byte[] IdCardFront(Facts f) => Render(856, 540, new SKColor(0xE8, 0xF1, 0xF8), canvas =>
    {
        Frame(canvas, 856, 540, new SKColor(0x9F, 0xB8, 0xD0), 6);
        Text(canvas, "姓名", 50, 90, 26, new SKColor(0x2F, 0x55, 0x7A));
        Text(canvas, f.PrincipalName, 140, 90, 34, SKColors.Black);
        Text(canvas, "性别  男      民族  汉", 50, 160, 26, new SKColor(0x2F, 0x55, 0x7A));
        Text(canvas, "出生  " + Birth(f.PrincipalIdNumber), 50, 225, 26, new SKColor(0x2F, 0x55, 0x7A));
        Text(canvas, "住址", 50, 290, 26, new SKColor(0x2F, 0x55, 0x7A));
        Text(canvas, f.CertificateAddress, 140, 290, 24, SKColors.Black);
        Text(canvas, "公民身份号码", 50, 470, 26, new SKColor(0x2F, 0x55, 0x7A));
        Text(canvas, f.PrincipalIdNumber, 250, 470, 34, SKColors.Black);
        using var photo = new SKPaint { Color = new SKColor(0xC9, 0xD3, 0xDE), IsAntialias = true };
        canvas.DrawRoundRect(600, 60, 200, 250, 8, 8, photo);
        using var person = new SKPaint { Color = new SKColor(0x6B, 0x7C, 0x8F), IsAntialias = true };
        canvas.DrawCircle(700, 150, 50, person);
        canvas.DrawOval(700, 290, 85, 70, person);
    });

    private static byte[] IdCardBack() => Render(856, 540, new SKColor(0xE8, 0xF1, 0xF8), canvas =>
    {
        Frame(canvas, 856, 540, new SKColor(0x9F, 0xB8, 0xD0), 6);
        using var emblem = new SKPaint { Color = new SKColor(0xC8, 0x10, 0x2E), IsAntialias = true };
        canvas.DrawCircle(130, 130, 70, emblem);
        Text(canvas, "中华人民共和国", 480, 120, 40, SKColors.Black, SKTextAlign.Center);
        Text(canvas, "居 民 身 份 证", 480, 200, 52, SKColors.Black, SKTextAlign.Center);
        Text(canvas, "签发机关  深圳市公安局南山分局", 180, 400, 26, SKColors.Black);
        Text(canvas, "有效期限  2016.06.01-2036.06.01", 180, 460, 26, SKColors.Black);
    });

    private static byte[] VerificationForm(Facts f) => Render(900, 1200, SKColors.White, canvas =>
    {
        Text(canvas, "网站备案信息真实性核验单", 450, 110, 44, SKColors.Black, SKTextAlign.Center);
        using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        var y = 190;
        foreach (var (label, value) in new[]
        {
            ("主办单位名称", f.SubjectName), ("主办单位证件号码", f.CertificateNumber), ("网站名称", f.WebsiteName),
            ("网站域名", f.Domain), ("网站负责人", f.PrincipalName), ("负责人证件号码", f.PrincipalIdNumber),
        })
        {
            canvas.DrawRect(60, y, 780, 90, line);
            canvas.DrawLine(330, y, 330, y + 90, line);
            Text(canvas, label, 80, y + 55, 26, SKColors.Black);
            Text(canvas, value, 350, y + 55, 26, SKColors.Black);
            y += 90;
        }

        Text(canvas, "本单位承诺所填报的备案信息真实有效。", 80, y + 110, 26, SKColors.Black);
        Text(canvas, "负责人签字：" + f.PrincipalName, 480, y + 230, 28, new SKColor(0x1D, 0x3A, 0x8A));
        Seal(canvas, 700, y + 350, f.SubjectName.Length > 8 ? f.SubjectName[..8] : f.SubjectName);
    });

    private static byte[] CurtainPhoto(Facts f) => Render(900, 1200, new SKColor(0x1E, 0x5E, 0xB8), canvas =>
    {
        using var fold = new SKPaint { Color = new SKColor(0x1A, 0x52, 0xA3) };
        for (var x = 0; x < 900; x += 60)
        {
            canvas.DrawRect(x, 0, 25, 1200, fold);
        }

        Text(canvas, "ICP 备案核验专用幕布", 450, 110, 44, SKColors.White, SKTextAlign.Center);
        using var person = new SKPaint { Color = new SKColor(0x3A, 0x2E, 0x2A), IsAntialias = true };
        using var face = new SKPaint { Color = new SKColor(0xF1, 0xC2, 0x9A), IsAntialias = true };
        canvas.DrawCircle(450, 470, 150, person);
        canvas.DrawOval(450, 520, 120, 150, face);
        canvas.DrawOval(450, 1100, 330, 300, person);
        Text(canvas, f.PrincipalName + " · " + Birth(f.PrincipalIdNumber), 450, 1160, 30, SKColors.White, SKTextAlign.Center);
    });

    private static byte[] Render(int width, int height, SKColor background, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(background);
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static void Text(SKCanvas canvas, string text, float x, float y, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = new SKFont(Face.Value, size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    private static void Frame(SKCanvas canvas, int width, int height, SKColor color, float thickness)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRoundRect(thickness, thickness, width - (2 * thickness), height - (2 * thickness), 12, 12, paint);
    }

    private static void Seal(SKCanvas canvas, float x, float y, string text)
    {
        using var ring = new SKPaint { Color = new SKColor(0xD0, 0x21, 0x21, 0xC0), StrokeWidth = 6, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawCircle(x, y, 110, ring);
        Text(canvas, "★", x, y + 20, 60, new SKColor(0xD0, 0x21, 0x21, 0xC0), SKTextAlign.Center);
        Text(canvas, text, x, y + 75, 22, new SKColor(0xD0, 0x21, 0x21, 0xC0), SKTextAlign.Center);
    }

    private static string Birth(string idNumber) =>
        idNumber.Length >= 14 && idNumber[6..14].All(char.IsAsciiDigit)
            ? $"{idNumber[6..10]}年{int.Parse(idNumber[10..12], System.Globalization.CultureInfo.InvariantCulture)}月{int.Parse(idNumber[12..14], System.Globalization.CultureInfo.InvariantCulture)}日"
            : "";
}
