using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Auth;

/// <summary>
/// The designer's and reports' API token: asked for with the staff cookie and the page's anti-forgery token, short-lived,
/// and living no longer than the staff session that asked for it.
/// </summary>
public sealed class DesignerTokenTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Signing_out_of_the_staff_pages_revokes_the_designer_token_and_only_that_sessions()
    {
        var pages = await StaffPages.SignedInAsync(_app, "compliance");
        var otherSession = await StaffPages.SignedInAsync(_app, "compliance");
        var designer = await pages.GetStringAsync("/designer");
        var token = await PageTokenAsync(pages, designer);
        var otherToken = await PageTokenAsync(otherSession, await otherSession.GetStringAsync("/designer"));
        var api = _app.WithToken(token);
        await api.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);

        var signOut = await pages.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffPages.AntiForgeryToken(designer),
        }));

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.EndsWith("/sign-in", signOut.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/designer/reference")).StatusCode);
        await _app.WithToken(otherToken).GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.True(await db.ExecuteScalarAsync<bool>(
            "select exists (select 1 from audit_log where action = 'sign-out' and actor = 'compliance' and (details->>'pageTokensRevoked')::int = 1)"));
    }

    [Fact]
    public async Task The_page_token_needs_the_pages_anti_forgery_token_and_lasts_a_quarter_of_an_hour()
    {
        var pages = await StaffPages.SignedInAsync(_app, "management");
        var html = await pages.GetStringAsync("/reports");

        var forged = await pages.PostAsync("/session/api-token", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var anonymous = await _app.Anonymous().PostAsync("/session/api-token", null);
        Assert.EndsWith("/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/session/api-token");
        request.Headers.Add("X-CSRF-TOKEN", StaffPages.AntiForgeryToken(html));
        var body = await (await pages.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        await _app.WithToken(body["token"]!.GetValue<string>()).GetAsync("/api/reports/builds").ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<string> PageTokenAsync(HttpClient pages, string html)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/session/api-token");
        request.Headers.Add("X-CSRF-TOKEN", StaffPages.AntiForgeryToken(html));
        return (await (await pages.SendAsync(request)).ExpectAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();
    }
}
