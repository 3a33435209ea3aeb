using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Inbox;

/// <summary>POST /api/tasks/bulk: each ticked task by itself, an audit row for each that changed, what failed said per task.</summary>
public sealed class BulkTaskActionsTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Bulk_claim_changes_the_free_tasks_and_says_who_holds_the_others()
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var other = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync("update users set display_name = '审核员丙' where username = @other", new { other });
        var tasks = await OpenTasksAsync(3, reviewer);
        await (await _app.SignedInAs(other)).PostEmptyAsync($"/api/tasks/{tasks[1]}/claim").ExpectAsync(HttpStatusCode.OK);
        var api = await _app.SignedInAs(reviewer);
        var unknown = Guid.NewGuid().ToString();

        var answer = await api.PostJsonAsync("/api/tasks/bulk", Bulk("claim", [.. tasks, unknown])).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, answer["succeeded"]!.GetValue<int>());
        Assert.Equal(2, answer["failed"]!.GetValue<int>());
        var results = answer["results"]!.AsArray();
        Assert.Equal([null, "task-held", null, "task-not-found"], results.Select(r => r!["code"]?.GetValue<string>()));
        Assert.Equal("该任务已被 审核员丙 领取。", results[1]!["message"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(results[1]!["orderNumber"]?.GetValue<string>()));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'task-claimed' and actor = @reviewer and entity_id = any(@ids)",
            new { reviewer, ids = new[] { tasks[0], tasks[2] } }));
        Assert.Equal(other, await db.ExecuteScalarAsync<string>("select assignee from review_tasks where id = @id", new { id = Guid.Parse(tasks[1]) }));

        var released = await api.PostJsonAsync("/api/tasks/bulk", Bulk("release", [tasks[0], tasks[2]])).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, released["succeeded"]!.GetValue<int>());
        Assert.Equal(0, await db.ExecuteScalarAsync<int>(
            "select count(*) from review_tasks where id = any(@ids) and assignee is not null", new { ids = new[] { Guid.Parse(tasks[0]), Guid.Parse(tasks[2]) } }));
    }

    [Fact]
    public async Task Only_leads_reassign_in_bulk_and_only_to_members_of_the_team()
    {
        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var outsider = await StaffPages.NewAccountAsync(["reviewer"], "verification");
        var tasks = await OpenTasksAsync(2, reviewer);
        await using var db = await TestApp.OpenDatabaseAsync();

        var refused = await (await _app.SignedInAs(reviewer)).PostJsonAsync("/api/tasks/bulk", Bulk("reassign", tasks, reviewer)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["bulk-reassign-needs-lead"], refused.ErrorCodes()["action"]);
        var leadApi = await _app.SignedInAs(lead);
        var notMember = await leadApi.PostJsonAsync("/api/tasks/bulk", Bulk("reassign", tasks, outsider)).ExpectAsync(HttpStatusCode.OK);
        Assert.All(notMember["results"]!.AsArray(), r => Assert.Equal("assignee-not-in-team", r!["code"]!.GetValue<string>()));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from review_tasks where id = any(@ids) and assignee is not null", new { ids = tasks.Select(Guid.Parse).ToArray() }));

        var answer = await leadApi.PostJsonAsync("/api/tasks/bulk", Bulk("reassign", tasks, reviewer)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, answer["succeeded"]!.GetValue<int>());
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("select count(*) from review_tasks where id = any(@ids) and assignee = @reviewer", new { ids = tasks.Select(Guid.Parse).ToArray(), reviewer }));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'task-reassigned' and actor = @lead and entity_id = any(@ids)", new { lead, ids = tasks }));
    }

    [Theory]
    [InlineData("""{"action": "approve", "ids": ["6b1f1c3e-0000-4000-8000-000000000001"]}""", "action")]
    [InlineData("""{"ids": ["6b1f1c3e-0000-4000-8000-000000000001"]}""", "action")]
    [InlineData("""{"action": "claim", "ids": []}""", "ids")]
    [InlineData("""{"action": "claim", "ids": ["6b1f1c3e-0000-4000-8000-000000000001", "6b1f1c3e-0000-4000-8000-000000000001"]}""", "ids")]
    [InlineData("""{"action": "claim", "ids": ["not-a-guid"]}""", "body")]
    public async Task A_bad_request_is_a_400_naming_the_field(string body, string field)
    {
        var api = await _app.SignedInAs("lead");
        var problem = await api.PostJsonAsync("/api/tasks/bulk", JsonNode.Parse(body)!).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.ErrorCodes().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task More_than_a_hundred_tasks_is_a_400()
    {
        var api = await _app.SignedInAs("lead");
        var ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var problem = await api.PostJsonAsync("/api/tasks/bulk", Bulk("claim", ids)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["too-many"], problem.ErrorCodes()["ids"]);
    }

    private async Task<string[]> OpenTasksAsync(int count, string reviewer)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await (await Flow.SubmittedAsync(_app)).OpenTaskAsync(reviewer))["id"]!.GetValue<string>());
        }

        return [.. ids];
    }

    private static JsonObject Bulk(string action, string[] ids, string? assignee = null) => new()
    {
        ["action"] = action, ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]), ["assignee"] = assignee,
    };
}
