using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>Twenty reviewers of one team claim and complete the same tasks at once.</summary>
public sealed class ReviewerRaceTests
{
    private const int Reviewers = 20;
    private const int Tasks = 10;
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Each_task_is_completed_once_and_losers_get_409_naming_the_holder()
    {
        var clients = await Task.WhenAll((await NewReviewersAsync()).Select(async name => (Name: name, Client: await _app.SignedInAs(name))));
        var flows = new List<Flow>();
        foreach (var batch in Enumerable.Range(0, Tasks).Chunk(4))
        {
            flows.AddRange(await Task.WhenAll(batch.Select(_ => Flow.SubmittedAsync(_app))));
        }

        var taskIds = await Task.WhenAll(flows.Select(async f => (await f.OpenTaskAsync())["id"]!.GetValue<string>()));
        var claims = new ConcurrentBag<(string Task, string Reviewer)>();
        var completions = new ConcurrentBag<(string Task, string Reviewer)>();
        var refusals = new ConcurrentBag<(string Task, string Reviewer, string Code, string? Holder)>();
        var unexpected = new ConcurrentBag<string>();

        await Task.WhenAll(clients.Select((reviewer, n) => Task.Run(async () =>
        {
            foreach (var taskId in taskIds.OrderBy(t => HashCode.Combine(t, n)))
            {
                var claim = await reviewer.Client.PostEmptyAsync($"/api/tasks/{taskId}/claim");
                if (claim.StatusCode == HttpStatusCode.OK)
                {
                    claims.Add((taskId, reviewer.Name));
                }
                else
                {
                    await RecordRefusalAsync(claim, taskId, reviewer.Name, refusals, unexpected);
                }

                var complete = await reviewer.Client.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "approve" });
                if (complete.StatusCode == HttpStatusCode.OK)
                {
                    completions.Add((taskId, reviewer.Name));
                }
                else
                {
                    await RecordRefusalAsync(complete, taskId, reviewer.Name, refusals, unexpected);
                }
            }
        })));

        Assert.Empty(unexpected);
        Assert.All(taskIds, t => Assert.Single(claims, c => c.Task == t));
        Assert.All(taskIds, t => Assert.Equal(claims.Single(c => c.Task == t).Reviewer, Assert.Single(completions, c => c.Task == t).Reviewer));
        Assert.Equal(Reviewers * Tasks * 2 - Tasks * 2, refusals.Count);
        Assert.All(refusals.Where(r => r.Code == "task-held"), r =>
            Assert.Equal(claims.Single(c => c.Task == r.Task).Reviewer, r.Holder));
        Assert.Contains(refusals, r => r.Code == "task-held");

        await using var db = await TestApp.OpenDatabaseAsync();
        var ids = flows.Select(f => Guid.Parse(f.Id)).ToArray();
        var perOrder = (await db.QueryAsync<(Guid Order, string Status, long Done, long Journal, long Audits)>(
            """
            select o.id, o.status,
                (select count(*) from review_tasks t where t.order_id = o.id and t.status = 'done'),
                (select count(*) from workflow_journal j where j.order_id = o.id and j.outcome = 'approve'),
                (select count(*) from audit_log a where a.action = 'task-completed' and a.details->>'OrderNumber' = o.order_number)
            from filing_orders o where o.id = any(@ids)
            """, new { ids })).ToList();
        Assert.Equal(Tasks, perOrder.Count);
        Assert.All(perOrder, o => Assert.Equal(("verification", 1L, 1L, 1L), (o.Status, o.Done, o.Journal, o.Audits)));
    }

    private static async Task RecordRefusalAsync(
        HttpResponseMessage response, string taskId, string reviewer,
        ConcurrentBag<(string, string, string, string?)> refusals, ConcurrentBag<string> unexpected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            unexpected.Add($"{reviewer} {taskId}: {(int)response.StatusCode} {text}");
            return;
        }

        var problem = JsonNode.Parse(text)!;
        var code = problem["code"]!.GetValue<string>();
        var holder = problem["context"]?["holder"]?.GetValue<string>();
        if (code is not ("task-held" or "task-closed") || (code == "task-held" && (holder is null || holder == reviewer)))
        {
            unexpected.Add($"{reviewer} {taskId}: {text}");
        }

        refusals.Add((taskId, reviewer, code, holder));
    }

    private static async Task<string[]> NewReviewersAsync()
    {
        var names = Enumerable.Range(0, Reviewers).Select(_ => "r" + Guid.NewGuid().ToString("N")[..12]).ToArray();
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(
            """
            with added as (
                insert into users (username, display_name, password_hash, roles)
                select n, n, @hash, '{reviewer}' from unnest(@names) n returning id)
            insert into team_members (team_id, user_id, is_lead) select 'initial-review', id, false from added
            """,
            new { names, hash = SignIn.HashPassword("Passw0rd!") });
        return names;
    }
}
