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

    /// <summary>A page of a user signed in with a bearer token the browser sends with every request.</summary>
    public async Task<IPage> PageAsync(TestApp app, string username)
    {
        var token = await app.TokenAsync(username);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
