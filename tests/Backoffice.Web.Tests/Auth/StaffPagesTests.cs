using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Auth;

/// <summary>Who may open which page is Security/AuthorizationMatrixTests; here, the sign-in form itself.</summary>
public sealed class StaffPagesTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "reviewer", ["Password"] = "Passw0rd!",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("backoffice.staff", StringComparison.Ordinal)));
    }
}
