using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class EditFromRowTests
{
    [Fact]
    public async Task Editing_a_reason_from_its_row_loads_its_current_values()
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.GotoAsync("/admin/reasons");

        await page.Locator("[data-testid=reason-row]", new PageLocatorOptions { HasText = "证件已过期" }).Locator("[data-testid=edit-reason]").ClickAsync();

        await Assertions.Expect(page.Locator("#Code")).ToHaveValueAsync("certificate-expired");
        await Assertions.Expect(page.Locator("#LabelZh")).ToHaveValueAsync("证件已过期");
        await Assertions.Expect(page.Locator("#LabelEn")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#Active")).ToBeCheckedAsync();
        await page.ScreenshotAsync("admin-reason-edit");
    }

    [Fact]
    public async Task Editing_a_user_from_the_row_loads_name_and_roles_by_label_and_keeps_the_masked_email()
    {
        // A team of its own (an admin's team the catalogue does not know: shown by its name), so no other test's team gains a lead.
        var team = $"t-{Guid.NewGuid():N}"[..14];
        await using (var connection = await TestApp.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync("insert into teams (id, name) values (@team, '法务组')", new { team });
        }

        var username = await StaffPages.NewAccountAsync(["reviewer", "team-lead"], team);
        await using (var connection = await TestApp.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync("update users set email = @email where username = @username", new { email = $"{username}@example.com", username });
        }

        await using var session = await Browser.SignedInAsync("admin");
        var page = session.Page;
        await page.GotoAsync("/admin/users");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = username });
        await Assertions.Expect(row).ToContainTextAsync("审核员、组长");
        await Assertions.Expect(row).ToContainTextAsync("法务组（组长）");

        await row.Locator("[data-testid=edit-user]").ClickAsync();
        await Assertions.Expect(page.Locator("#Username")).ToHaveValueAsync(username);
        await Assertions.Expect(page.Locator("[data-testid=role-reviewer]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid=role-team-lead]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid=role-admin]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Email")).ToHaveValueAsync("");
        Assert.DoesNotContain($"{username}@example.com", await page.ContentAsync());
        await page.ScreenshotAsync("admin-user-edit");

        await page.FillAsync("#DisplayName", "改过的名字");
        await page.ClickAsync("form[action*=save] button.primary");
        await Assertions.Expect(row).ToContainTextAsync("改过的名字");
        await using (var connection = await TestApp.OpenDatabaseAsync())
        {
            var (name, email) = await connection.QuerySingleAsync<(string, string)>(
                "select display_name, email from users where username = @username", new { username });
            Assert.Equal("改过的名字", name);
            Assert.Equal($"{username}@example.com", email);
        }
    }
}
