using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (no downloaded browser), on the shared app's real port.</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
        return new Browser(playwright, browser);
    }

    /// <summary>A page of a user signed in through the staff sign-in page (the staff cookie).</summary>
    public async Task<IPage> SignedInPageAsync(TestApp app, string username)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator("#Username").FillAsync(username);
        await page.Locator("#Password").FillAsync("Passw0rd!");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
