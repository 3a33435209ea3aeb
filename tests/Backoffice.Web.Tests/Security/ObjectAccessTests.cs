using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>Ids that belong to someone else, or to nothing: other teams' tasks, other orders' materials, guessed ids.</summary>
public sealed class ObjectAccessTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Reviewer_outside_the_team_can_do_nothing_with_its_task()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var outsider = await _app.SignedInAs("outsider");

        foreach (var action in new[] { "claim", "release", "complete", "reassign" })
        {
            var body = new JsonObject { ["outcome"] = "approve", ["assignee"] = "outsider" };
            var response = await outsider.PostJsonAsync($"/api/tasks/{taskId}/{action}", body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action}: {(int)response.StatusCode}");
        }

        var all = await outsider.GetAsync($"/api/tasks?scope=all&status=open&filingId={flow.Id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(all.AsArray());
        await using var db = await TestApp.OpenDatabaseAsync();
        var task = await db.QuerySingleAsync<(string Status, string? Assignee)>(
            "select status, assignee from review_tasks where id = @id", new { id = Guid.Parse(taskId) });
        Assert.Equal(("open", null), task);
    }

    [Fact]
    public async Task Guessed_task_ids_are_404_for_every_action()
    {
        var reviewer = await _app.SignedInAs("lead");

        foreach (var action in new[] { "claim", "release", "complete", "reassign" })
        {
            var response = await reviewer.PostJsonAsync($"/api/tasks/{Guid.NewGuid()}/{action}", new JsonObject { ["outcome"] = "approve", ["assignee"] = "reviewer" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Task_cannot_be_reassigned_to_someone_outside_its_team()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var lead = await _app.SignedInAs("lead");

        var problem = await lead.PostJsonAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["assignee"] = "outsider" })
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["assignee-not-in-team"], problem.ErrorCodes()["assignee"]);
    }

    [Fact]
    public async Task Material_is_served_only_under_its_own_order_and_each_download_is_audited()
    {
        var mine = await Flow.CreateAsync(_app, Orders.Enterprise());
        var other = await Flow.CreateAsync(_app, Orders.Enterprise());
        var photo = Files.Jpeg(5000);
        var materialId = (await _app.Console().UploadAsync(mine.Url, "id-card-front", photo, "front.jpg")
            .ExpectAsync(HttpStatusCode.Created))["materialId"]!.GetValue<string>();
        var compliance = await _app.SignedInAs("compliance");

        var download = await compliance.GetAsync($"{mine.Url}/materials/{materialId}");
        var viaOtherOrder = await compliance.GetAsync($"{other.Url}/materials/{materialId}");
        var guessed = await compliance.GetAsync($"{mine.Url}/materials/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, viaOtherOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'material-downloaded' and actor = 'compliance' and details->>'materialId' = @materialId",
            new { materialId }));
    }

    [Fact]
    public async Task Guessed_order_ids_are_404_and_change_nothing()
    {
        var url = $"/api/filings/{Guid.NewGuid()}";
        var console = _app.Console();

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["read"] = await console.GetAsync(url),
            ["update"] = await console.PutAsync(url, new StringContent(Orders.Enterprise().ToJsonString(), System.Text.Encoding.UTF8, "application/json")),
            ["upload"] = await console.UploadAsync(url, "business-license", Files.Jpeg(), "a.jpg"),
            ["submit"] = await console.PostEmptyAsync($"{url}/submit"),
            ["withdraw"] = await console.PostEmptyAsync($"{url}/withdraw"),
            ["public-security"] = await console.PostJsonAsync($"{url}/public-security", new JsonObject { ["number"] = "44030502001234" }),
            ["bureau event"] = await (await _app.SignedInAs("liaison")).PostJsonAsync("/api/bureau/events",
                new JsonObject { ["filingId"] = url[^36..], ["kind"] = "approved" }),
        };

        Assert.All(answers, a => Assert.True(a.Value.StatusCode == HttpStatusCode.NotFound, $"{a.Key}: {(int)a.Value.StatusCode}"));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from audit_log where entity_id = @id", new { id = url[^36..] }));
    }
}
