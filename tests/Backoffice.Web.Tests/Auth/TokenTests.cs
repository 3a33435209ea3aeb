using System.Net;
using System.Net.Http.Json;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Auth;

public sealed class TokenTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Test_user_signs_in_and_gets_a_token_with_roles()
    {
        var response = await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username = "compliance", password = "Passw0rd!" });

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["compliance"], body["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(body["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_401()
    {
        var unknown = await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username = "nobody-" + Guid.NewGuid(), password = "x" });
        var wrong = await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username = await NewUserAsync(), password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((await unknown.JsonAsync())["title"]!.GetValue<string>(), (await wrong.JsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var username = await NewUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username, password = "wrong" });
        }

        var right = await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username, password = "Secret-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'locked-out' and entity_id = @username", new { username }));
    }

    [Fact]
    public async Task Signed_out_token_no_longer_works()
    {
        var username = await NewUserAsync();
        var token = (await _app.Anonymous().PostAsJsonAsync("/api/tokens", new { username, password = "Secret-123" })
            .ExpectAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();
        var client = _app.WithToken(token);
        await client.GetAsync("/api/reason-codes").ExpectAsync(HttpStatusCode.OK);

        await client.DeleteAsync("/api/tokens/current").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/reason-codes")).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync("/api/filings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.WithToken("made-up").GetAsync("/api/filings")).StatusCode);
    }

    private static async Task<string> NewUserAsync()
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(
            "insert into users (username, display_name, password_hash, roles) values (@username, @username, @hash, '{reviewer}')",
            new { username, hash = SignIn.HashPassword("Secret-123") });
        return username;
    }
}
