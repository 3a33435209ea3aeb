using System.Net;
using System.Net.Http.Headers;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class ErrorPageTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_order_out_of_sight_reads_exactly_like_an_unknown_one_in_the_app_layout()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await using var session = await Browser.SignedInAsync("outsider");
        var page = session.Page;

        var hidden = await page.GotoAsync($"/orders/{flow.Id}");
        Assert.Equal((int)HttpStatusCode.NotFound, hidden!.Status);
        var hiddenText = await PlainLanguageTests.VisibleTextAsync(page);
        var hiddenTitle = await page.TitleAsync();
        await page.ScreenshotAsync("error-404-hidden-order");

        var unknown = await page.GotoAsync($"/orders/{Guid.NewGuid()}");
        Assert.Equal((int)HttpStatusCode.NotFound, unknown!.Status);
        Assert.Equal(hiddenText, await PlainLanguageTests.VisibleTextAsync(page));
        Assert.Equal(hiddenTitle, await page.TitleAsync());
        Assert.Contains("页面不存在", hiddenText);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_route_gets_the_404_page_and_a_server_error_the_500_page()
    {
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        var unknown = await page.GotoAsync("/no-such-page/anywhere");
        Assert.Equal((int)HttpStatusCode.NotFound, unknown!.Status);
        await Assertions.Expect(page.Locator("[data-testid=error-page] h1")).ToHaveTextAsync("页面不存在");
        await Assertions.Expect(page.Locator(".main-nav")).ToBeVisibleAsync();
        await page.ScreenshotAsync("error-404");

        var failed = await page.GotoAsync("/error/500");
        Assert.Equal((int)HttpStatusCode.InternalServerError, failed!.Status);
        await Assertions.Expect(page.Locator("[data-testid=error-page] h1")).ToHaveTextAsync("系统出错了");
        await page.ScreenshotAsync("error-500");
    }

    [Fact]
    public async Task A_page_the_role_does_not_open_is_the_403_page()
    {
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        var response = await page.GotoAsync("/admin/users");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToHaveTextAsync("无权访问");
        await page.ScreenshotAsync("error-403");
    }

    [Fact]
    public async Task The_api_keeps_problem_json_even_for_a_client_that_accepts_html()
    {
        var client = _app.Console();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync($"/api/filings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
