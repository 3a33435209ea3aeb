using System.Net;
using System.Text.RegularExpressions;
using Backoffice.Web.Features.Auth;
using Dapper;

namespace Backoffice.Web.Tests.Support;

/// <summary>The staff pages over HTTP: a client signed in through the sign-in form (staff cookie), and staff accounts of one's own.</summary>
public static partial class StaffPages
{
    /// <summary>A client holding the staff cookie of <paramref name="username"/>, signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsync(TestApp app, string username)
    {
        var client = app.CreateClient();
        var form = await client.GetStringAsync("/sign-in");
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = "Passw0rd!", ["__RequestVerificationToken"] = AntiForgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"signed-in-user\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    public static string AntiForgeryToken(string html) => TokenField().Match(html).Groups[1].Value;

    /// <summary>A new active account with <paramref name="roles"/>, member of <paramref name="teams"/> (lead of them when it is a team lead).</summary>
    public static async Task<string> NewAccountAsync(string[] roles, params string[] teams)
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        _ = TestApp.Instance;
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(
            """
            with added as (
                insert into users (username, display_name, password_hash, roles) values (@username, @username, @hash, @roles) returning id)
            insert into team_members (team_id, user_id, is_lead) select t, id, @lead from added, unnest(@teams) t
            """,
            new { username, hash = SignIn.HashPassword("Passw0rd!"), roles, teams, lead = roles.Contains("team-lead") });
        return username;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
