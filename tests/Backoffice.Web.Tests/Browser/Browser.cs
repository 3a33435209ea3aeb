using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by the test set-up; never a downloaded browser)
/// driven by Playwright against the shared app on its real port. One browser for the run, a fresh
/// context (cookies, language) per test, in the users' locale and time zone (zh-CN, Asia/Shanghai) so that the
/// browser's own controls (date inputs) read as they do for them; screenshots go to .data/test-results/screenshots/.
/// A click that posts a form, follows a link or starts a script returns before the page it brings: read what it
/// shows with web-first assertions (Assertions.Expect, which wait) or after WaitForURLAsync, never with a bare
/// TextContentAsync, InputValueAsync or page.Url, which can read the page before it.
/// </summary>
public static class Browser
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    /// <summary>
    /// Web-first assertions wait as long as actions do (15 s, not Playwright's 5 s): on a machine loaded by the
    /// parallel tests a page's script can take more than 5 s to draw what a test waits for.
    /// </summary>
    static Browser() => Assertions.SetDefaultExpectTimeout(15_000);

    /// <summary>
    /// A browser context and its page; disposing closes the context and fails the test when the page broke the
    /// Content-Security-Policy (an inline script or a foreign source refused by the browser).
    /// </summary>
    public sealed class Session : IAsyncDisposable
    {
        private readonly List<string> _violations = [];

        public Session(IPage page)
        {
            Page = page;
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    lock (_violations)
                    {
                        _violations.Add(message.Text);
                    }
                }
            };
        }

        public IPage Page { get; }

        public async ValueTask DisposeAsync()
        {
            await Page.Context.CloseAsync();
            Assert.Empty(_violations);
        }
    }

    public static async Task<Session> NewSessionAsync()
    {
        var browser = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = TestApp.Instance.Address,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return new Session(await context.NewPageAsync());
    }

    /// <summary>Signs in through the sign-in page and waits for the start page.</summary>
    public static async Task<Session> SignedInAsync(string username)
    {
        var session = await NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#Username", username);
        await page.FillAsync("#Password", "Passw0rd!");
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        return session;
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var directory = Path.Combine(ResultsDirectory(), "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core (the designer's npm dev dependency) on the page as it is and fails on any critical or serious
    /// violation, naming the rule and the elements.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var found = await page.AccessibilityViolationsAsync();
        Assert.True(found.Count == 0, $"{page.Url}: {string.Join("; ", found)}");
    }

    /// <summary>The critical and serious violations axe-core finds on the page as it is, each as rule, impact and elements.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(this IPage page)
    {
        // Evaluated, not added as a script tag: the page's Content-Security-Policy refuses inline scripts.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript()) + "\n;true");
        return await page.EvaluateAsync<string[]>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter((v) => v.impact === 'critical' || v.impact === 'serious')
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)
            """);
    }

    private static string AxeScript() =>
        Path.Combine(RepositoryRoot(), "src", "Backoffice.Web", "Designer", "node_modules", "axe-core", "axe.min.js");

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--lang=zh-CN"],
            Env = UsersLanguage(),
        });
    }

    /// <summary>
    /// The test process's environment with the users' language: on Linux Chromium draws its own controls (a date
    /// input's 年/月/日) in the language LANGUAGE names, not in the context's Locale. LANG stays C.UTF-8, a locale
    /// every machine has, so that Chinese file names of downloads keep their UTF-8 (zh_CN.UTF-8 is seldom generated).
    /// </summary>
    private static Dictionary<string, string> UsersLanguage()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["LANG"] = "C.UTF-8";
        environment.Remove("LC_ALL");
        environment["LANGUAGE"] = "zh_CN:zh";
        return environment;
    }

    /// <summary>BACKOFFICE_TEST_RESULTS from ./backoffice test, else .data/test-results of the repository.</summary>
    internal static string ResultsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_RESULTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return Path.Combine(RepositoryRoot(), ".data", "test-results");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Backoffice.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
