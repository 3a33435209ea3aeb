using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The designer and the reports page, which no longer carry a token in their HTML, still load their data through the
/// API with the token they ask for, break no Content-Security-Policy rule and have no serious accessibility violation.
/// </summary>
public sealed class TokenPagesTests
{
    [Fact]
    public async Task The_designer_loads_the_definitions_with_the_token_it_asks_for()
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        var tokenAsked = page.WaitForResponseAsync(r => r.Url.EndsWith("/session/api-token", StringComparison.Ordinal) && r.Status == 200);
        await page.GotoAsync("/designer?id=new-filing");

        await tokenAsked;
        await Assertions.Expect(page.Locator(".react-flow__node").First).ToBeVisibleAsync();
        Assert.DoesNotContain("data-token", await page.ContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("designer-csp");
    }

    [Fact]
    public async Task The_reports_page_is_accessible()
    {
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.GotoAsync("/reports");

        await page.AssertAccessibleAsync();
    }
}
