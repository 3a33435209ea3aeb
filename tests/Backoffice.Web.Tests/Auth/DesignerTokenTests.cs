using System.Net;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Auth;

/// <summary>The designer page's API token lives as long as the staff session that opened the page.</summary>
public sealed partial class DesignerTokenTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Signing_out_of_the_staff_pages_revokes_the_designer_token_and_only_that_sessions()
    {
        var pages = await StaffPages.SignedInAsync(_app, "compliance");
        var otherSession = await StaffPages.SignedInAsync(_app, "compliance");
        var designer = await pages.GetStringAsync("/designer");
        var token = PageToken().Match(designer).Groups[1].Value;
        var otherToken = PageToken().Match(await otherSession.GetStringAsync("/designer")).Groups[1].Value;
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

    [GeneratedRegex("data-token=\"([^\"]+)\"")]
    private static partial Regex PageToken();
}
