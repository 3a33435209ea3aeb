using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.DryRun;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Tests.DryRun;

public sealed class DryRunnerTests
{
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 10, 1)], []);
    private static readonly DateTimeOffset Friday5pm = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Join_waits_for_both_branches_and_the_clock_follows_the_later_one()
    {
        var definition = Definition(
        [
            Activity("split", "fork", new() { ["branches"] = new JsonArray("legal", "mail") }),
            Task("legal", 1), Task("mail", 1),
            Activity("both", "join"),
            Activity("done", "end", new() { ["result"] = "approved" }),
        ],
        [new("split", "legal", "legal"), new("split", "mail", "mail"), new("legal", "approve", "both"), new("mail", "approve", "both"),
         new("legal", "return", "done"), new("mail", "return", "done"), new("both", "done", "done")]);

        var result = DryRunner.Run(definition, Scenario(new Dictionary<string, IReadOnlyList<string>>(), hours: 3), Calendar);

        Assert.Equal(["split", "legal", "mail", "both", "done"], result.Steps.Select(s => s.ActivityId));
        Assert.Equal("approved", result.Result);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(8)), result.FinishedAt);
    }

    [Fact]
    public void Timeout_outcome_is_answered_at_the_deadline_and_overdue_tasks_are_marked()
    {
        var definition = Definition(
        [
            Task("review", 1),
            Activity("wait", "wait-for-applicant", new() { ["action"] = "fix-and-resubmit", ["deadline"] = Days(2) }),
            Activity("done", "end", new() { ["result"] = "expired" }),
        ],
        [new("review", "approve", "wait"), new("review", "return", "wait"), new("wait", "resubmitted", "done"), new("wait", "expired", "done")]);
        var outcomes = new Dictionary<string, IReadOnlyList<string>> { ["wait"] = ["expired"] };

        var result = DryRunner.Run(definition, Scenario(outcomes, hours: 10), Calendar);

        var review = result.Steps[0];
        Assert.True(review.Overdue);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(8)), review.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)), review.AnsweredAt);
        var wait = result.Steps[1];
        Assert.Equal(wait.DueAt, wait.AnsweredAt);
        Assert.Equal("expired", result.Result);
    }

    [Fact]
    public void A_loop_that_never_ends_stops_with_an_error()
    {
        var definition = Definition([Task("review", 1)], [new("review", "approve", "review"), new("review", "return", "review")]);

        var result = DryRunner.Run(definition, Scenario(new Dictionary<string, IReadOnlyList<string>>(), hours: 0), Calendar);

        Assert.Null(result.Result);
        Assert.Contains("500", result.Error);
    }

    [Theory]
    [InlineData(true, "approved")]
    [InlineData(false, "rejected")]
    public void A_decision_reads_the_instance_variables_as_the_engine_does(bool mailed, string result)
    {
        var definition = Definition(
            [
                Activity("check", "decision", new() { ["expression"] = "variables.mailedOriginals === true" }),
                Activity("yes", "end", new() { ["result"] = "approved" }),
                Activity("no", "end", new() { ["result"] = "rejected" }),
            ],
            [new("check", "true", "yes"), new("check", "false", "no")]) with { Variables = new JsonObject { ["mailedOriginals"] = mailed } };

        var run = DryRunner.Run(definition, Scenario(new Dictionary<string, IReadOnlyList<string>>(), hours: 0), Calendar);

        Assert.Null(run.Error);
        Assert.Equal(result, run.Result);
    }

    private static DryRunScenario Scenario(IReadOnlyDictionary<string, IReadOnlyList<string>> outcomes, double hours) =>
        new(new JsonObject { ["subject"] = new JsonObject { ["province"] = "440000" } }, outcomes, Friday5pm, hours);

    private static WorkflowDefinition Definition(IReadOnlyList<ActivityDefinition> activities, IReadOnlyList<Connection> connections) =>
        new() { Id = "t", Name = "t", Start = activities[0].Id, Activities = activities, Connections = connections };

    private static ActivityDefinition Task(string id, int workingDays) => Activity(id, "human-task", new()
    {
        ["team"] = "initial-review", ["title"] = id, ["outcomes"] = new JsonArray("approve", "return"),
        ["sla"] = new JsonObject { ["amount"] = workingDays, ["unit"] = "working-days" },
    });

    private static JsonObject Days(int days) => new() { ["amount"] = days, ["unit"] = "days" };

    private static ActivityDefinition Activity(string id, string type, JsonObject? properties = null) =>
        new() { Id = id, Type = type, Properties = properties ?? [] };
}
