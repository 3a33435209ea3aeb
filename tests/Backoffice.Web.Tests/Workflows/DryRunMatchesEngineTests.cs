using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.DryRun;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// The dry run follows the engine's own rules: every shipped definition, played by the engine on a real order
/// (waits answered one by one, tasks completed) and by the dry run on the same order and answers, passes the
/// same activities with the same outcomes and ends with the same result. Each scenario answers every waiting
/// step with its first outcome, or first with its second one (a return, a rejection, an expiry) and then its first.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DryRunMatchesEngineTests
{
    private readonly TestApp _app = TestApp.Instance;

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var id in DefinitionJson.Defaults().Select(d => d.Id).Distinct())
        {
            cases.Add(id, false);
            cases.Add(id, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_engine_and_the_dry_run_take_the_same_path(string definitionId, bool otherOutcomesFirst)
    {
        var order = await Flow.CreateAsync(_app, Orders.Enterprise());
        var orderId = Guid.Parse(order.Id);
        var steps = _app.Services.GetRequiredService<StepTransaction>();
        var engine = _app.Services.GetRequiredService<WorkflowEngine>();
        await using var connection = await TestApp.OpenDatabaseAsync();
        var definition = (await _app.Services.GetRequiredService<DefinitionStore>().PublishedAsync(connection, definitionId, CancellationToken.None))!;
        var (instanceId, document, startAt) = await steps.StepAsync("test", async step =>
        {
            var document = await OrderDocument.LoadAsync(step, orderId);
            var instance = await engine.StartAsync(step, definition, orderId);
            return ((instance.Id, document, step.Now), true);
        }, CancellationToken.None);
        var scenario = new DryRunScenario(document, Outcomes(definition, otherOutcomesFirst), startAt, 4);

        var visits = new Dictionary<string, int>();
        for (var answered = 0; answered < 100; answered++)
        {
            var waiting = await connection.QueryFirstOrDefaultAsync<Waiting>(
                """
                select id as "Id", activity_id as "ActivityId", kind as "Kind", timeout_outcome as "TimeoutOutcome"
                from workflow_bookmarks where instance_id = @instanceId order by created_at, id
                """,
                new { instanceId });
            if (waiting is null)
            {
                break;
            }

            var activity = definition.Find(waiting.ActivityId)!;
            var outcome = waiting.Kind == BookmarkKinds.Timer
                ? waiting.TimeoutOutcome!
                : scenario.OutcomeOf(activity, visits[activity.Id] = visits.GetValueOrDefault(activity.Id) + 1);
            Assert.True(await AnswerAsync(connection, waiting.Id, waiting.ActivityId, waiting.Kind, instanceId, outcome));
        }

        var engineRun = await connection.QuerySingleAsync<(string Status, string? Result)>(
            "select status, result from workflow_instances where id = @instanceId", new { instanceId });
        var enginePath = (await connection.QueryAsync<string>(
            "select activity_id || ' ' || outcome from workflow_journal where instance_id = @instanceId and outcome is not null",
            new { instanceId })).Order(StringComparer.Ordinal).ToList();

        var calendar = await _app.Services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, CancellationToken.None);
        var dryRun = DryRunner.Run(definition, scenario, calendar);
        var dryRunPath = dryRun.Steps.Where(s => s.Outcome is not null).Select(s => $"{s.ActivityId} {s.Outcome}").Order(StringComparer.Ordinal).ToList();

        Assert.Null(dryRun.Error);
        Assert.Equal("finished", engineRun.Status);
        Assert.Equal(engineRun.Result, dryRun.Result);
        Assert.Equal(enginePath, dryRunPath);
    }

    /// <summary>Answers one wait as the product does: a task through its completion, any other wait by resuming it.</summary>
    private async Task<bool> AnswerAsync(Npgsql.NpgsqlConnection connection, Guid bookmarkId, string activityId, string kind, Guid instanceId, string outcome)
    {
        var steps = _app.Services.GetRequiredService<StepTransaction>();
        if (kind == BookmarkKinds.Task)
        {
            var task = await connection.QuerySingleAsync<ReviewTask>(
                """
                select t.id, t.instance_id, t.bookmark_id, t.order_id, o.order_number, t.activity_id, t.step
                from review_tasks t join filing_orders o on o.id = t.order_id where t.bookmark_id = @bookmarkId
                """, new { bookmarkId });
            var completeTask = _app.Services.GetRequiredService<CompleteTask>();
            return await steps.StepAsync("reviewer", async step =>
            {
                var moved = await completeTask.FinishAsync(step, task, "reviewer", outcome, [], null);
                return (moved, moved);
            }, CancellationToken.None);
        }

        var engine = _app.Services.GetRequiredService<WorkflowEngine>();
        var bookmark = new Bookmark { Id = bookmarkId, InstanceId = instanceId, ActivityId = activityId, Kind = kind };
        return await steps.StepAsync("test", async step =>
        {
            var moved = await engine.ResumeAsync(step, bookmark, outcome, null);
            return (moved, moved);
        }, CancellationToken.None);
    }

    private static Dictionary<string, IReadOnlyList<string>> Outcomes(WorkflowDefinition definition, bool otherOutcomesFirst) =>
        otherOutcomesFirst
            ? definition.Activities
                .Select(a => (a.Id, Outcomes: ActivityTypes.Find(a.Type)!.OutcomesOf(a)))
                .Where(a => a.Outcomes.Count > 1)
                .ToDictionary(a => a.Id, a => (IReadOnlyList<string>)[a.Outcomes[1], a.Outcomes[0]])
            : [];

    private sealed record Waiting(Guid Id, string ActivityId, string Kind, string? TimeoutOutcome);
}
