using System.Net;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The task page as a review workbench: each material beside the fields it is checked against, paged with captions,
/// zoomed and rotated; a return that points at fields; a resubmission that says what changed.
/// </summary>
public sealed class WorkbenchTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_reviewer_checks_each_material_beside_its_fields_and_returns_pointing_at_one()
    {
        var (flow, body) = await RealMaterials.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;
        await page.GotoAsync($"/tasks/{taskId}");

        var line = page.Locator("[data-testid=status-line]");
        await Assertions.Expect(line).ToContainTextAsync("核对主体");
        await Assertions.Expect(line).ToContainTextAsync("组员领取");
        await Assertions.Expect(line).ToContainTextAsync("北京时间");
        Assert.Contains("时限", await page.Locator("dt").AllTextContentsAsync());
        Assert.DoesNotContain("SLA", await page.Locator("dt").AllTextContentsAsync());
        var caption = page.Locator("[data-testid=viewer-caption]");
        var compare = page.Locator("[data-testid=compare]:visible");
        await Assertions.Expect(caption).ToHaveTextAsync("营业执照 · 1/4");
        await Assertions.Expect(compare).ToContainTextAsync(body["subject"]!["name"]!.GetValue<string>());
        await Assertions.Expect(compare).ToContainTextAsync(body["subject"]!["certificateAddress"]!.GetValue<string>());
        Assert.True(await page.Locator("[data-testid=material-image]:visible").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1200"));
        await page.ScreenshotAsync("task-workbench");

        await page.ClickAsync("[data-testid=viewer-next]");
        await Assertions.Expect(caption).ToHaveTextAsync("身份证人像面 · 2/4");
        await Assertions.Expect(compare).ToContainTextAsync("张三");
        await page.ClickAsync("[data-testid=viewer-rotate]");
        await page.WaitForFunctionAsync(WholeInStage);
        await page.ScreenshotAsync("task-workbench-rotated");
        var fitted = await page.Locator("[data-testid=material-image]:visible").EvaluateAsync<string>("img => img.style.transform");
        Assert.StartsWith("rotate(90deg) scale(0.", fitted);
        await page.ClickAsync("[data-testid=viewer-zoom-in]");
        Assert.NotEqual(fitted, await page.Locator("[data-testid=material-image]:visible").EvaluateAsync<string>("img => img.style.transform"));
        await page.ClickAsync("[data-testid=viewer-prev]");
        await page.ClickAsync("[data-testid=viewer-prev]");
        await Assertions.Expect(caption).ToHaveTextAsync("网站备案信息真实性核验单（网站 1） · 4/4");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(caption).ToHaveTextAsync("营业执照 · 1/4");
        await page.AssertAccessibleAsync();

        await page.ClickAsync("[data-testid=claim]");
        await page.WaitForSelectorAsync("[data-testid=complete]");
        await page.ClickAsync("[data-testid='flag-subject.certificateAddress']");
        await page.FillAsync("[data-testid='flag-reason-subject.certificateAddress']", "执照上的住所与填写的证件地址不一致");
        await Assertions.Expect(page.Locator("[data-testid=return-items-summary]")).ToContainTextAsync("主体 · 证件地址");
        Assert.True(await page.IsCheckedAsync("[data-testid=outcome-return]"));
        await page.CheckAsync("[data-testid=reason-address-not-detailed]");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-return-flagged");
        await page.ClickAsync("[data-testid=complete]");
        await page.WaitForURLAsync("**/inbox");

        var item = Assert.Single((await flow.GetAsync())["returns"]![0]!["items"]!.AsArray())!;
        Assert.Equal("subject.certificateAddress", item["path"]!.GetValue<string>());
        Assert.Equal("执照上的住所与填写的证件地址不一致", item["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resubmitted_order_opens_with_the_return_and_what_changed_since()
    {
        var (flow, body) = await RealMaterials.SubmittedAsync(_app);
        var first = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var reviewer = await _app.SignedInAs("reviewer");
        await reviewer.PostEmptyAsync($"/api/tasks/{first}/claim").ExpectAsync(HttpStatusCode.OK);
        await reviewer.PostJsonAsync($"/api/tasks/{first}/complete", new System.Text.Json.Nodes.JsonObject
        {
            ["outcome"] = "return", ["reasonCodes"] = new System.Text.Json.Nodes.JsonArray("address-not-detailed"),
            ["items"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["path"] = "subject.mailingAddress", ["reason"] = "请写到门牌号" }),
        }).ExpectAsync(HttpStatusCode.OK);
        body["subject"]!["mailingAddress"] = "深圳市南山区科技园科苑路8号A座1201室";
        await RealMaterials.ResubmitAsync(_app, flow, body);
        var second = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();

        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;
        await page.GotoAsync($"/tasks/{second}");

        var banner = page.Locator("[data-testid=resubmission]");
        await Assertions.Expect(banner).ToContainTextAsync("第 1 次退回后重新提交");
        await Assertions.Expect(banner.Locator("[data-testid=return-items]")).ToContainTextAsync("主体 · 通信地址：请写到门牌号");
        await Assertions.Expect(banner.Locator("[data-testid=resubmission-changes]")).ToContainTextAsync("深圳市南山区科技园科苑路8号A座1201室");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-resubmitted");
    }

    /// <summary>The landscape material shown, turned a quarter, lies whole inside the viewer's stage once the turn has ended.</summary>
    private const string WholeInStage =
        """
        () => {
            const img = [...document.querySelectorAll('[data-testid=material-image]')].find(i => i.offsetParent !== null);
            const stage = img.closest('.viewer-stage').getBoundingClientRect();
            const box = img.getBoundingClientRect();
            return img.style.transform.startsWith('rotate(90deg)') && img.getAnimations().length === 0 && box.height > box.width
                && box.top >= stage.top - 1 && box.bottom <= stage.bottom + 1 && box.left >= stage.left - 1 && box.right <= stage.right + 1;
        }
        """;
}
