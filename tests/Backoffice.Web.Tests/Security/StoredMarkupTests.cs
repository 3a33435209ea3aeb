using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// Stored text carrying markup (an order's names and homepage, a return comment, a reason label, a
/// user's display name, a team name, a calendar day's name) on every staff page that shows it, signed
/// in with the staff cookie: the markup is always shown as text, never as markup or a javascript: link.
/// </summary>
public sealed class StoredMarkupTests
{
    /// <summary>Markup naming where it was stored, so each page can be checked for the text it should show.</summary>
    private static string Hostile(string source) => $"<script>alert({source})</script>\"><img src=x onerror=alert({source})>";

    private static string Escaped(string source) => $"&lt;script&gt;alert({source})&lt;/script&gt;";

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Stored_markup_is_escaped_on_every_page_that_shows_it()
    {
        var tag = "x" + Guid.NewGuid().ToString("N")[..8];
        var flow = await Flow.SubmittedAsync(_app);
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var db = await TestApp.OpenDatabaseAsync();

        // Text that validation would refuse today, stored as an import or an older version might have left it.
        await db.ExecuteAsync(
            """
            update filing_orders set subject_name = @subject, body = jsonb_set(jsonb_set(jsonb_set(jsonb_set(body,
                '{subject,name}', to_jsonb(@subject)),
                '{subject,principal,name}', to_jsonb(@person)),
                '{websites,0,name}', to_jsonb(@website)),
                '{websites,0,homepageUrls}', jsonb_build_array('javascript:alert(1)'))
            where id = @id;
            insert into reason_codes (code, label_zh, label_en, sort) values (@tag, @reason, @reason, 9999);
            insert into users (username, display_name, password_hash, roles) values (@tag, @user, @hash, '{admin,team-lead,reviewer}');
            insert into teams (id, name) values (@tag, @team);
            insert into team_members (team_id, user_id, is_lead) select @tag, id, true from users where username = @tag;
            insert into calendar_days (day, kind, name) values ('2031-12-31', 'holiday', @calendar) on conflict (day) do update set name = excluded.name;
            """,
            new
            {
                id = Guid.Parse(flow.Id), tag, subject = tag + Hostile("subject"), person = Hostile("person"), website = Hostile("website"),
                reason = Hostile("reason"), user = Hostile("user"), team = Hostile("team"), calendar = Hostile("calendar"),
                hash = SignIn.HashPassword("Passw0rd!"),
            });

        await ReturnWithCommentAsync(flow, tag);
        await db.ExecuteAsync("update reason_codes set active = false where code = @tag", new { tag });
        await flow.SubmitAsync();
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();

        string[] order = ["subject", "person", "website", "comment", "reason"];
        var pages = new List<(string Who, string Url, string[] Shows)>
        {
            ("lead", $"/inbox?tab=team&order={orderNumber}", ["subject"]),
            ("lead", $"/tasks/{taskId}", order),
            (tag, "/inbox", ["user"]),
            (tag, $"/orders/{flow.Id}", [.. order, "user"]),
            (tag, $"/orders?q={tag}", ["subject"]),
            (tag, "/board", ["team", "user"]),
            (tag, "/bureau", ["user"]),
            (tag, "/admin/users", ["user"]),
            (tag, "/admin/reasons", ["reason"]),
            (tag, "/admin/calendar?year=2031", ["calendar"]),
            (tag, "/designer", ["user"]),
        };
        var failures = new List<string>();
        foreach (var (who, url, shows) in pages)
        {
            using var client = await _app.CookieSignedInAs(who);
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url} as {who}: {(int)response.StatusCode}");
                continue;
            }

            foreach (var raw in new[] { "<script>alert(", "<img src=x", "href=\"javascript:" })
            {
                if (html.Contains(raw, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{url} as {who}: contains {raw}");
                }
            }

            failures.AddRange(shows.Where(source => !html.Contains(Escaped(source), StringComparison.Ordinal))
                .Select(source => $"{url} as {who}: the stored {source} text is not shown"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The initial review returns the order with the hostile reason and a hostile comment.</summary>
    private async Task ReturnWithCommentAsync(Flow flow, string reason)
    {
        var task = await flow.OpenTaskAsync();
        var reviewer = await _app.SignedInAs("reviewer");
        var taskId = task["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        var body = new JsonObject { ["outcome"] = "return", ["reasonCodes"] = new JsonArray(reason), ["comment"] = Hostile("comment") };
        await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", body).ExpectAsync(HttpStatusCode.OK);
    }
}
