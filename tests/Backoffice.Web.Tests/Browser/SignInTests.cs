using System.Text.RegularExpressions;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed partial class SignInTests
{
    [Fact]
    public async Task Reviewer_signs_in_to_the_chinese_inbox_switches_to_english_and_signs_out()
    {
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        Assert.EndsWith("/inbox", page.Url, StringComparison.Ordinal);
        Assert.Equal("收件箱", await page.TextContentAsync("h1"));
        Assert.Equal("审核员甲", await page.TextContentAsync("[data-testid=signed-in-user]"));
        var menu = await page.Locator(".main-nav a").AllTextContentsAsync();
        Assert.Contains("收件箱", menu);
        Assert.DoesNotContain("后台作业", menu);

        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inbox");
        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("收件箱");

        await page.ClickAsync("text=退出");
        await page.WaitForURLAsync(SignInPage());
        await page.GotoAsync("/inbox");
        Assert.Matches(SignInPage(), page.Url);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        var username = $"locked{Guid.NewGuid():N}"[..20];
        await using (var connection = await TestApp.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync(
                "insert into users (username, display_name, password_hash, roles) values (@username, '锁定测试', @hash, '{reviewer}')",
                new { username, hash = SignIn.HashPassword("Passw0rd!") });
        }

        await using var session = await Browser.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/sign-in");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.FillAsync("#Username", username);
            await page.FillAsync("#Password", "wrong-password");
            await page.ClickAsync("[data-testid=sign-in]");
            await AnsweredAsync(page);
            await page.WaitForSelectorAsync("[data-testid=sign-in-error]");
        }

        await page.FillAsync("#Username", username);
        await page.FillAsync("#Password", "Passw0rd!");
        await page.ClickAsync("[data-testid=sign-in]");
        await AnsweredAsync(page);
        Assert.Contains("暂时锁定", await page.TextContentAsync("[data-testid=sign-in-error]"));
        Assert.Matches(SignInPage(), page.Url);
        await page.ScreenshotAsync("sign-in-locked");

        await using var connection2 = await TestApp.OpenDatabaseAsync();
        var actions = await connection2.QueryAsync<string>(
            "select action from audit_log where entity_type = 'user' and entity_id = @username order by id", new { username });
        Assert.Equal(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out"], actions);
    }

    /// <summary>
    /// Waits for the page the sign-in post answers with: its password field is empty, where the page posted from
    /// still holds the password typed (an error shown at once could be the previous attempt's).
    /// </summary>
    private static async Task AnsweredAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#Password")).ToHaveValueAsync("");
        await page.WaitForLoadStateAsync();
    }

    [GeneratedRegex("/sign-in")]
    private static partial Regex SignInPage();
}
