using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Labels;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// Every page of every role's menu, on orders at several stages, shows labels and never a code of the
/// label catalogue (nor a return-reason code, nor an ISO time stamp). The Chinese UI is checked for every
/// code; the English UI for the codes with a hyphen, since the others (open, done, news…) are English words.
/// Each page, in Chinese, also passes axe-core with no critical or serious violation, and in both languages no
/// menu item breaks over two lines (the admin's long menu wraps whole items to a second row).
/// The Hangfire dashboard is a third-party tool outside the staff app and is not opened.
/// </summary>
public sealed partial class PlainLanguageTests
{
    private static readonly Lazy<Task<Seeded>> Orders = new(SeedAsync);

    private sealed record Seeded(string OpenTaskId, string ReturnedOrderId, string AtBureauOrderId, string ApprovedOrderId);

    public static TheoryData<string> Roles() => new() { "admin", "compliance", "lead", "reviewer", "liaison", "management" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_menu_shows_labels_never_codes_and_passes_axe(string role)
    {
        var seeded = await Orders.Value;
        var codes = await CodesAsync();
        await using var session = await Browser.SignedInAsync(role);
        var page = session.Page;
        var menu = (await page.Locator(".main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(p => p != "/hangfire").ToList();
        Assert.NotEmpty(menu);
        var paths = menu.Select(p => (Path: p, Name: Slug(p))).ToList();
        if (menu.Contains("/inbox"))
        {
            paths.AddRange([("/inbox?tab=team", "inbox-team"), ("/inbox?tab=done", "inbox-done"), ($"/tasks/{seeded.OpenTaskId}", "task")]);
        }

        paths.AddRange([
            ($"/orders/{seeded.ReturnedOrderId}", "order-returned"), ($"/orders/{seeded.AtBureauOrderId}", "order-at-bureau"),
            ($"/orders/{seeded.ApprovedOrderId}", "order-approved")]);
        var problems = new List<string>();
        foreach (var english in new[] { false, true })
        {
            if (english)
            {
                await page.Context.AddCookiesAsync([new Cookie { Name = "backoffice.lang", Value = "en", Url = TestApp.Instance.Address }]);
            }

            foreach (var (path, name) in paths)
            {
                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(response!.Ok, $"{role} {path}: {response.Status}");
                if (!english)
                {
                    await page.ScreenshotAsync($"{role}-{name}");
                    problems.AddRange((await page.AccessibilityViolationsAsync()).Select(v => $"axe {path}: {v}"));
                }

                problems.AddRange((await page.EvaluateAsync<string[]>(BrokenMenuItems)).Select(item => $"{(english ? "en" : "zh")} {path}: menu item on two lines: {item}"));

                var text = await VisibleTextAsync(page, hideEnglish: !english);
                problems.AddRange(CodesIn(text, codes, english).Select(c => $"{(english ? "en" : "zh")} {path}: {c}"));
                problems.AddRange(IsoStamp().Matches(text).Select(m => $"{(english ? "en" : "zh")} {path}: time {m.Value}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The page's rendered text, without what is marked as showing a code on purpose (a login, the code being
    /// edited) and, for the Chinese UI, without what is marked as English (the English labels of the reason catalogue).
    /// </summary>
    internal static Task<string> VisibleTextAsync(IPage page, bool hideEnglish = false) =>
        page.EvaluateAsync<string>(
            """
            hideEnglish => {
              const marked = [...document.querySelectorAll(hideEnglish ? '[data-code], [lang=en]:not(html)' : '[data-code]')];
              marked.forEach(e => e.dataset.display = e.style.display);
              marked.forEach(e => e.style.display = 'none');
              const text = document.body.innerText;
              marked.forEach(e => e.style.display = e.dataset.display || '');
              return text;
            }
            """, hideEnglish);

    /// <summary>The menu items whose words break over two lines (an item's text sits on more than one line box).</summary>
    private const string BrokenMenuItems =
        """
        () => [...document.querySelectorAll('.main-nav a')].filter(a => [...a.childNodes].some(node => {
            if (node.nodeType !== Node.TEXT_NODE || node.textContent.trim() === '') return false;
            const range = document.createRange();
            range.selectNodeContents(node);
            return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
        })).map(a => a.textContent.trim())
        """;

    /// <summary>Codes among the words of the text; e-mail addresses and domain names are the order's data, not words.</summary>
    private static IEnumerable<string> CodesIn(string text, IReadOnlySet<string> codes, bool english) =>
        Token().Matches(AddressOrDomain().Replace(text, " ")).Select(m => m.Value).Where(t => codes.Contains(t) && (!english || t.Contains('-'))).Distinct();

    private static async Task<IReadOnlySet<string>> CodesAsync()
    {
        await using var connection = await TestApp.OpenDatabaseAsync();
        // One-word reason codes that tests add (a random tag) are indistinguishable from the data that carries the same tag.
        var reasons = await connection.QueryAsync<string>("select code from reason_codes where code like '%-%'");
        return LabelCatalogue.AllCodes().Select(c => c.Code).Concat(reasons).ToHashSet(StringComparer.Ordinal);
    }

    private static string Slug(string path) => SlugChars().Replace(path.Trim('/'), "-");

    /// <summary>An order in initial review (its task open), one returned with a reason, one waiting for the SMS verification, one approved.</summary>
    private static async Task<Seeded> SeedAsync()
    {
        var app = TestApp.Instance;
        var open = await Flow.SubmittedAsync(app);
        var openTask = (await open.OpenTaskAsync())["id"]!.GetValue<string>();
        var returned = await Flow.SubmittedAsync(app);
        await returned.CompleteAsync("return", "reviewer", "certificate-unclear");
        var atBureau = await Flow.SubmittedAsync(app);
        await atBureau.ToSmsVerificationAsync();
        var approved = await Flow.SubmittedAsync(app);
        await approved.ToBureauReviewAsync();
        await approved.BureauAsync("approved");
        return new Seeded(openTask, returned.Id, atBureau.Id, approved.Id);
    }

    [GeneratedRegex(@"\S+@\S+|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex AddressOrDomain();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9-]*")]
    private static partial Regex Token();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\+00:00|\bUTC\b")]
    private static partial Regex IsoStamp();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex SlugChars();
}
