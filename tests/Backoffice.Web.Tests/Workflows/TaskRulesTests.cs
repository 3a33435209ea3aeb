using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Workflows;

public sealed class TaskRulesTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Second_claim_is_409_naming_the_holder_and_only_the_holder_completes()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var first = await _app.SignedInAs("reviewer");
        var second = await _app.SignedInAs("reviewer2");

        await first.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        var lost = await second.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.Conflict);
        var notHolder = await second.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "approve" })
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("reviewer", lost["context"]!["holder"]!.GetValue<string>());
        Assert.Equal("task-held", notHolder["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_claims_at_the_same_moment_have_exactly_one_winner_and_the_loser_is_told_who()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var clients = new[] { await _app.SignedInAs("reviewer"), await _app.SignedInAs("reviewer2") };

        var responses = await Task.WhenAll(clients.Select(c => c.PostEmptyAsync($"/api/tasks/{taskId}/claim")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ExpectAsync(HttpStatusCode.Conflict);
        var holder = (await flow.OpenTaskAsync())["assignee"]!.GetValue<string>();
        Assert.Equal(holder, loser["context"]!["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reviewer_outside_the_team_cannot_see_or_claim_its_tasks()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var outsider = await _app.SignedInAs("outsider");

        var listed = await outsider.GetAsync($"/api/tasks?scope=team&filingId={flow.Id}").ExpectAsync(HttpStatusCode.OK);
        var claim = await outsider.PostEmptyAsync($"/api/tasks/{taskId}/claim");

        Assert.Empty(listed.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
    }

    [Fact]
    public async Task Team_lead_reassigns_to_a_member_and_the_console_cannot_see_tasks()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var lead = await _app.SignedInAs("lead");
        var reviewer = await _app.SignedInAs("reviewer");

        await lead.PostJsonAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["assignee"] = "reviewer2" }).ExpectAsync(HttpStatusCode.OK);
        var byReviewer = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["assignee"] = "reviewer" });
        var toOutsider = await lead.PostJsonAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["assignee"] = "outsider" });

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, toOutsider.StatusCode);
        Assert.Equal("reviewer2", (await flow.OpenTaskAsync())["assignee"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Console().GetAsync("/api/tasks")).StatusCode);
    }
}
