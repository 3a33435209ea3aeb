using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Inbox;

/// <summary>Saved inbox views over /api/inbox-views: personal ones for their owner, shared ones for the team's members, shared only by its leads.</summary>
public sealed class InboxViewsApiTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_lead_shares_a_view_with_his_team_and_only_its_members_see_it()
    {
        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        var member = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var outsider = await StaffPages.NewAccountAsync(["reviewer"], "verification");
        var (leadApi, memberApi, outsiderApi) = (await _app.SignedInAs(lead), await _app.SignedInAs(member), await _app.SignedInAs(outsider));

        var refused = await memberApi.PostJsonAsync("/api/inbox-views", View("组内视图", "initial-review")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["view-share-needs-lead"], refused.ErrorCodes()["team"]);
        var personal = await memberApi.PostJsonAsync("/api/inbox-views", View("我的北京新增", null)).ExpectAsync(HttpStatusCode.Created);
        var shared = await leadApi.PostJsonAsync("/api/inbox-views", View("北京新增", "initial-review")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("110000", shared["filters"]!["province"]!.GetValue<string>());
        Assert.Equal(["website", "received", "sla"], shared["columns"]!.AsArray().Select(c => c!.GetValue<string>()));

        Assert.Equal(["我的北京新增", "北京新增"], await NamesAsync(memberApi));
        Assert.Equal(["北京新增"], await NamesAsync(leadApi));
        Assert.Empty(await NamesAsync(outsiderApi));
        await outsiderApi.GetAsync($"/api/inbox-views/{shared["id"]}").ExpectAsync(HttpStatusCode.NotFound);
        await leadApi.GetAsync($"/api/inbox-views/{personal["id"]}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.False((await memberApi.GetAsync($"/api/inbox-views/{shared["id"]}").ExpectAsync(HttpStatusCode.OK))["canDelete"]!.GetValue<bool>());

        await memberApi.DeleteAsync($"/api/inbox-views/{shared["id"]}").ExpectAsync(HttpStatusCode.Forbidden);
        await outsiderApi.DeleteAsync($"/api/inbox-views/{shared["id"]}").ExpectAsync(HttpStatusCode.NotFound);
        await leadApi.DeleteAsync($"/api/inbox-views/{shared["id"]}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(["我的北京新增"], await NamesAsync(memberApi));

        await using var db = await TestApp.OpenDatabaseAsync();
        var audited = await db.QueryAsync<string>(
            "select actor || ' ' || action from audit_log where entity_type = 'inbox-view' and entity_id = @id order by id", new { id = shared["id"]!.GetValue<string>() });
        Assert.Equal([$"{lead} inbox-view-created", $"{lead} inbox-view-deleted"], audited);
    }

    [Theory]
    [InlineData("""{"name": "", "tab": "team"}""", "name")]
    [InlineData("""{"name": "v", "tab": "everything"}""", "tab")]
    [InlineData("""{"name": "v", "sort": "random"}""", "sort")]
    [InlineData("""{"name": "v", "columns": ["website", "salary"]}""", "columns")]
    [InlineData("""{"name": "v", "filters": {"province": "999999"}}""", "filters.province")]
    [InlineData("""{"name": "v", "filters": {"filingType": "enterprise"}}""", "filters.filingType")]
    [InlineData("""{"name": "v", "filters": {"due": "yesterday"}}""", "filters.due")]
    [InlineData("""{"name": "v", "team": "no-such-team"}""", "team")]
    public async Task A_bad_field_is_a_400_naming_it_and_saves_nothing(string body, string field)
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var api = await _app.SignedInAs(reviewer);

        var problem = await api.PostJsonAsync("/api/inbox-views", JsonNode.Parse(body)!).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.ErrorCodes().ContainsKey(field), problem.ToJsonString());
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await NamesAsync(api));
    }

    [Fact]
    public async Task The_inbox_page_refuses_a_member_sharing_a_view_and_says_why_at_the_form()
    {
        var member = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var pages = await StaffPages.SignedInAsync(_app, member);
        var token = StaffPages.AntiForgeryToken(await pages.GetStringAsync("/inbox"));

        var response = await pages.PostAsync("/inbox?handler=SaveView", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "组内视图", ["team"] = "initial-review", ["tab"] = "team", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只有该组组长可以向组内共享视图", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await NamesAsync(await _app.SignedInAs(member)));
    }

    private static JsonObject View(string name, string? team) => new()
    {
        ["name"] = name, ["team"] = team, ["tab"] = "team",
        ["filters"] = new JsonObject { ["province"] = "110000", ["filingType"] = "new-filing" },
        ["sort"] = "latest", ["columns"] = new JsonArray("website", "received", "sla"),
    };

    /// <summary>The views this class saves; views other tests share with the same teams are left out.</summary>
    private static readonly string[] Saved = ["我的北京新增", "北京新增", "组内视图", "v", ""];

    private static async Task<List<string>> NamesAsync(HttpClient api) =>
        (await api.GetAsync("/api/inbox-views").ExpectAsync(HttpStatusCode.OK)).AsArray()
            .Select(v => v!["name"]!.GetValue<string>()).Where(Saved.Contains).ToList();
}
