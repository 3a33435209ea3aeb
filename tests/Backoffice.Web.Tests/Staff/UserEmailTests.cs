using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Staff;

/// <summary>/admin/users sets a staff member's e-mail address (where SLA escalations go): checked, audited masked, listed masked.</summary>
public sealed class UserEmailTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_admin_sets_a_valid_address_and_a_malformed_one_is_a_field_error_that_changes_nothing()
    {
        var username = await StaffPages.NewAccountAsync(["team-lead", "reviewer"]);
        var admin = await StaffPages.SignedInAsync(_app, "admin");

        var refused = await SaveAsync(admin, username, "not an address");
        Assert.Contains("电子邮箱格式不正确", refused, StringComparison.Ordinal);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Null(await db.ExecuteScalarAsync<string?>("select email from users where username = @username", new { username }));

        var saved = await SaveAsync(admin, username, $"  {username}@corp.example.com ");
        Assert.Contains($"已保存：{username}", saved, StringComparison.Ordinal);
        Assert.Equal($"{username}@corp.example.com", await db.ExecuteScalarAsync<string>("select email from users where username = @username", new { username }));
        var masked = $"{username[0]}{new string('*', username.Length - 1)}@corp.example.com";
        Assert.Contains($"data-testid=\"email\">{masked}<", saved, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"email\">{username}@", saved, StringComparison.Ordinal);
        var audit = await db.QuerySingleAsync<string>(
            "select details->>'email' from audit_log where action = 'user-updated' and entity_id = @username", new { username });
        Assert.Equal(masked, audit);

        await SaveAsync(admin, username, "");
        Assert.Null(await db.ExecuteScalarAsync<string?>("select email from users where username = @username", new { username }));
    }

    private static async Task<string> SaveAsync(HttpClient admin, string username, string email)
    {
        var form = await admin.GetStringAsync("/admin/users");
        var response = await admin.PostAsync("/admin/users?handler=save", new FormUrlEncodedContent(
        [
            new("Username", username), new("DisplayName", "组长丙"), new("Email", email), new("UserRoles", "team-lead"), new("UserRoles", "reviewer"),
            new("Active", "true"), new("__RequestVerificationToken", StaffPages.AntiForgeryToken(form)),
        ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
