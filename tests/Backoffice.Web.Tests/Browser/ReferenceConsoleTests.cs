using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// An applicant walks a filing through /console, the reference console built only on the client generated from the
/// OpenAPI document, from 验证备案类型 to approval; the staff's part (reviews, bureau results) is driven through the API.
/// </summary>
public sealed partial class ReferenceConsoleTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_applicant_files_answers_a_return_field_by_field_uploads_the_curtain_photo_and_sees_the_approval()
    {
        await using var session = await Browser.NewSessionAsync();
        var page = session.Page;
        var domain = Orders.UniqueDomain();

        await page.GotoAsync("/console");
        await page.FillAsync("[data-testid=certificate-number]", Orders.UniqueUscc());
        await page.FillAsync("[data-testid=domain]", domain);
        await page.ClickAsync("[data-testid=verify]");
        await Assertions.Expect(page.Locator("[data-testid=verdict]")).ToContainTextAsync("首次备案");
        await ShowsNoCodesAsync(page, "console-1-verify");

        await page.ClickAsync("[data-testid=to-subject]");
        await page.FillAsync("[data-testid=subject-name]", "深圳市云帆科技有限公司");
        await page.FillAsync("[data-testid=certificate-address]", "深圳市南山区科技园科苑路8号");
        await page.FillAsync("[data-testid=mailing-address]", "深圳市南山区科技园科苑路8号");
        await page.FillAsync("[data-testid=investor]", "深圳市云帆控股有限公司");
        await page.FillAsync("[data-testid=principal-name]", "李四");
        await page.FillAsync("[data-testid=principal-certificate-number]", Orders.UniqueResidentId());
        await page.FillAsync("[data-testid=principal-mobile]", "13800138000");
        await page.FillAsync("[data-testid=principal-office-phone]", "086-0755-12345678");
        await page.FillAsync("[data-testid=principal-email]", "lisi@example.com");
        await ShowsNoCodesAsync(page, "console-2-subject");

        await page.ClickAsync("[data-testid=to-website]");
        await Assertions.Expect(page.Locator("[data-testid=website-domains]")).ToHaveValueAsync(domain);
        await page.FillAsync("[data-testid=website-name]", "云帆科技官网");
        await page.FillAsync("[data-testid=instance-ip]", Orders.UniqueIp());
        await ShowsNoCodesAsync(page, "console-3-website");
        await page.ClickAsync("[data-testid=create]");

        foreach (var (kind, file) in new[] { ("business-license", "licence.jpg"), ("id-card-front", "idfront.jpg"), ("id-card-back", "idback.jpg"), ("verification-form", "form.jpg") })
        {
            await page.SetInputFilesAsync($"[data-testid=material-{kind}]", Jpeg(file));
        }

        await Assertions.Expect(page.Locator(".done")).ToHaveCountAsync(4);
        await ShowsNoCodesAsync(page, "console-4-materials");
        await page.ClickAsync("[data-testid=to-submit]");
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToContainTextAsync("营业执照");
        await ShowsNoCodesAsync(page, "console-5-submit");
        await page.ClickAsync("[data-testid=submit]");
        await StatusAsync(page, "initial-review", "初审");
        var flow = new Flow(_app, OrderId().Match(page.Url).Groups[1].Value);

        await ReturnAsync(flow, ("subject.mailingAddress", "通信地址需详细到门牌号"), ("materials.id-card-front", "身份证照片模糊"));
        await StatusAsync(page, "returned", "退回");
        await Assertions.Expect(page.Locator("[data-testid=return]")).ToContainTextAsync("通信地址需详细到门牌号");
        await Assertions.Expect(page.Locator("[data-testid=return-item-1]")).ToContainTextAsync("身份证人像面");
        await ShowsNoCodesAsync(page, "console-6-returned");
        await page.FillAsync("[data-testid=answer-0]", "深圳市南山区科技园科苑路8号1201室");
        await page.SetInputFilesAsync("[data-testid=answer-1]", Jpeg("idfront2.jpg"));
        await page.ClickAsync("[data-testid=resubmit]");
        await StatusAsync(page, "initial-review", "初审");
        var resubmitted = await flow.GetAsync();
        Assert.Equal("深圳市南山区科技园科苑路8号1201室", resubmitted["subject"]!["mailingAddress"]!.GetValue<string>());
        Assert.Contains(resubmitted["materials"]!.AsArray(), m => m!["fileName"]!.GetValue<string>() == "idfront2.jpg");

        await flow.CompleteAsync("approve");
        await StatusAsync(page, "verification", "核验");
        await page.SetInputFilesAsync("[data-testid=material-curtain-photo]", Jpeg("curtain.jpg", 8000));
        await ShowsNoCodesAsync(page, "console-7-curtain-photo");
        await page.ClickAsync("[data-testid=send-curtain]");
        await Assertions.Expect(page.Locator("[data-testid=curtain]")).ToHaveCountAsync(0);

        await flow.CompleteAsync("approve");
        await flow.CompleteAsync("approve");
        await StatusAsync(page, "sms-verification", "短信核验");
        await flow.BureauAsync("sms-verified");
        await flow.BureauAsync("approved");
        await StatusAsync(page, "approved", "通过");
        await Assertions.Expect(page.Locator("[data-testid=filing-numbers]")).ToContainTextAsync("备案号");
        var numbers = (await flow.GetAsync())["websiteFilingNumbers"]!.AsArray();
        Assert.NotEmpty(numbers);
        await Assertions.Expect(page.Locator("[data-testid=filing-numbers]")).ToContainTextAsync(numbers[0]!.GetValue<string>());
        await ShowsNoCodesAsync(page, "console-8-approved");
    }

    /// <summary>A reviewer returns the order, pointing at fields and materials, each with its reason.</summary>
    private async Task ReturnAsync(Flow flow, params (string Path, string Reason)[] items)
    {
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var reviewer = await _app.SignedInAs("reviewer");
        await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject
        {
            ["outcome"] = "return", ["reasonCodes"] = new JsonArray("address-not-detailed"), ["comment"] = "请按意见修改后重新提交",
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["reason"] = i.Reason })]),
        }).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The progress page reads the order again every two seconds: waits until it shows the status.</summary>
    private static async Task StatusAsync(IPage page, string status, string label)
    {
        var box = page.Locator($"[data-testid=status][data-status={status}]");
        try
        {
            await box.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync($"console-waiting-for-{status}");
            throw;
        }

        await Assertions.Expect(box).ToContainTextAsync(label);
    }

    /// <summary>The applicant reads Chinese: no domain code (new-filing, initial-review, business-license…) on the page.</summary>
    private static async Task ShowsNoCodesAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotMatch(Code(), text);
        await page.AssertAccessibleAsync();
    }

    private static FilePayload Jpeg(string name, int size = 4096) => new() { Name = name, MimeType = "image/jpeg", Buffer = Files.Jpeg(size) };

    [GeneratedRegex(@"\b[a-z]+(-[a-z]+)+\b")]
    private static partial Regex Code();

    [GeneratedRegex(@"#order=([0-9a-f-]{36})")]
    private static partial Regex OrderId();
}
