using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>Every answer carries the browser-security headers; no page carries a bearer token; the icon exists.</summary>
[Collection(AloneCollection.Name)]
public sealed class SecurityHeadersTests
{
    private readonly TestApp _app = TestApp.Instance;

    public static TheoryData<string, string> Pages => new()
    {
        { "reviewer", "/inbox" }, { "reviewer", "/orders" }, { "lead", "/board" }, { "liaison", "/bureau" },
        { "compliance", "/designer" }, { "compliance", "/admin/reasons" }, { "management", "/reports" }, { "admin", "/admin/users" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_forbids_inline_scripts_framing_and_sniffing(string username, string path)
    {
        var pages = await StaffPages.SignedInAsync(_app, username);
        var response = await pages.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_sign_in_page_the_api_and_a_problem_carry_them_too()
    {
        AssertSecurityHeaders(await _app.Anonymous().GetAsync("/sign-in"));
        AssertSecurityHeaders(await _app.Console().GetAsync("/api/filings?pageSize=1"));
        AssertSecurityHeaders(await _app.Console().GetAsync($"/api/filings/{Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData("compliance", "/designer")]
    [InlineData("management", "/reports")]
    public async Task No_page_hands_itself_a_bearer_token(string username, string path)
    {
        var pages = await StaffPages.SignedInAsync(_app, username);
        await using var db = await TestApp.OpenDatabaseAsync();
        const string tokens = "select count(*) from api_tokens t join users u on u.id = t.user_id where u.username = @username";
        var before = await db.ExecuteScalarAsync<long>(tokens, new { username });

        var html = await pages.GetStringAsync(path);

        Assert.DoesNotContain("data-token", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.ExecuteScalarAsync<long>(tokens, new { username }));
    }

    [Fact]
    public async Task The_favicon_is_a_real_icon()
    {
        var response = await _app.Anonymous().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.InRange(bytes.Length, 100, 20_000);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
