using System.Net;
using Backoffice.Web.Tests.ProvinceRules;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>Compliance edits the province rules by province name, sees each error at its province, saves a version and reads its history and audit.</summary>
[Collection(ClockCollection.Name)]
public sealed class ProvinceRulesPageTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Compliance_refuses_a_Beijing_mobile_prefix_and_sees_the_version_in_the_history()
    {
        var compliance = await _app.SignedInAs("compliance");
        var before = (await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK)).AsObject();
        try
        {
            await using var session = await Browser.SignedInAsync("compliance");
            var page = session.Page;
            await page.GotoAsync("/inbox");
            await page.ClickAsync(".main-nav a[href='/admin/province-rules']");
            await page.WaitForURLAsync("**/admin/province-rules");
            var beijing = page.Locator("tr[data-province='110000']");
            Assert.Contains("北京", await beijing.TextContentAsync());
            Assert.Equal("resident-id", await page.Locator("tr[data-province='310000'] select[name$='Methods[app]']").InputValueAsync());
            Assert.DoesNotContain("110000", await page.Locator("main").InnerTextAsync());
            await AssertFitsAsync(page);

            await beijing.Locator("input[name$='RefusedMobilePrefixes']").FillAsync("17x");
            await page.FillAsync("[data-testid=note]", "北京管局不接受虚拟运营商号段");
            await page.ClickAsync("[data-testid=save]");
            await Assertions.Expect(beijing).ToContainTextAsync("号段须为 1 到 11 位数字");
            Assert.Equal(before["version"]!.GetValue<int>(), (await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());

            await page.Locator("tr[data-province='110000'] input[name$='RefusedMobilePrefixes']").FillAsync("170 171");
            await page.FillAsync("[data-testid=note]", "北京管局不接受虚拟运营商号段");
            await page.ClickAsync("[data-testid=save]");
            await Assertions.Expect(page.Locator("[data-testid=saved]")).ToContainTextAsync("已保存为第");
            var history = page.Locator("[data-testid=version-row]").First;
            Assert.Contains("北京管局不接受虚拟运营商号段", await history.TextContentAsync());
            Assert.Contains("北京", await history.Locator("td").Nth(4).TextContentAsync());
            Assert.Contains("保存规则", await history.Locator("td").Nth(5).TextContentAsync());
            Assert.Equal("170 171", await page.Locator("tr[data-province='110000'] input[name$='RefusedMobilePrefixes']").InputValueAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("compliance-province-rules");

            var saved = await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(["170", "171"], ProvinceRuleChange.Province(saved.AsObject(), "110000")["refusedMobilePrefixes"]!.AsArray().Select(p => p!.GetValue<string>()));
            var shanghai = ProvinceRuleChange.Province(saved.AsObject(), "310000")["verificationMethods"]!.AsArray()
                .ToDictionary(m => m!["method"]!.GetValue<string>(), m => m!["certificateTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToList());
            Assert.Equal(["app", "curtain-photo"], shanghai.Keys.Order());
            Assert.Equal(["resident-id"], shanghai["app"]);

            await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "backoffice.lang", Value = "en", Url = _app.Address }]);
            await page.ReloadAsync();
            Assert.Contains("Beijing", await page.Locator("tr[data-province='110000']").TextContentAsync());
            Assert.Equal(before["version"]!.GetValue<int>() + 1, (await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
            await AssertFitsAsync(page);
            await page.ScreenshotAsync("compliance-province-rules-en");
        }
        finally
        {
            await ProvinceRuleChange.PutAsync(compliance, ProvinceRuleChange.Body(before, "测试结束，恢复原规则")).ExpectAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>The page and the rules' table both fit the 1,400 px window: nothing scrolls sideways.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>(
            """
            () => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                   document.querySelector('.table-scroll').scrollWidth, document.querySelector('.table-scroll').clientWidth]
            """);
        Assert.True(widths[0] <= widths[1] && widths[2] <= widths[3],
            $"the rules scroll sideways at 1,400 px: page {widths[0]} > {widths[1]} or table {widths[2]} > {widths[3]}");
    }
}
