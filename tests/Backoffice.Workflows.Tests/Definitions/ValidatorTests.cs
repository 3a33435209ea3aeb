using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Workflows.Tests.Definitions;

public sealed class ValidatorTests
{
    [Fact]
    public void Every_shipped_definition_is_valid()
    {
        var defaults = DefinitionJson.Defaults().ToList();

        Assert.Equal(14, defaults.Select(d => d.Id).Distinct().Count());
        Assert.All(defaults, d => Assert.Empty(DefinitionValidator.Validate(d)));
        Assert.Equal(10, defaults.Where(d => d.FilingType is not null).Select(d => d.Id).Distinct().Count());
        Assert.Equal(7, defaults.Count(d => d.Version == 2));
        Assert.Equal(5, defaults.Count(d => d.Version == 4));
    }

    [Fact]
    public void Publish_refuses_dangling_outcome()
    {
        var definition = Small() with { Connections = [new("review", "approve", "done")] };

        var errors = DefinitionValidator.Validate(definition);

        Assert.Contains(errors, e => e.ActivityId == "review" && e.Code == "dangling-outcome");
    }

    [Fact]
    public void Publish_refuses_unknown_type_unknown_outcome_missing_target_and_unreachable_activity()
    {
        var definition = Small() with
        {
            Activities = [.. Small().Activities, Activity("ghost", "teleport"), Activity("orphan", "end", new JsonObject { ["result"] = "approved" })],
            Connections = [.. Small().Connections, new("review", "maybe", "done"), new("done", "x", "nowhere")],
        };

        var codes = DefinitionValidator.Validate(definition).Select(e => (e.ActivityId, e.Code)).ToHashSet();

        Assert.Contains(("ghost", "unknown-type"), codes);
        Assert.Contains(("review", "unknown-outcome"), codes);
        Assert.Contains(("done", "connection-target-missing"), codes);
        Assert.Contains(("orphan", "unreachable"), codes);
    }

    [Fact]
    public void Publish_refuses_a_cycle_without_a_waiting_step()
    {
        var definition = new WorkflowDefinition
        {
            Id = "loop", Name = "loop", Start = "a",
            Activities =
            [
                Activity("a", "set-status", new JsonObject { ["status"] = "submitted" }),
                Activity("b", "decision", new JsonObject { ["expression"] = "true" }),
                Activity("end", "end", new JsonObject { ["result"] = "approved" }),
            ],
            Connections = [new("a", "done", "b"), new("b", "true", "a"), new("b", "false", "end")],
        };

        var errors = DefinitionValidator.Validate(definition);

        Assert.Contains(errors, e => e.ActivityId == "a" && e.Code == "blocking-free-cycle");
        Assert.Contains(errors, e => e.ActivityId == "b" && e.Code == "blocking-free-cycle");
    }

    [Fact]
    public void Loop_through_a_human_task_is_allowed()
    {
        Assert.Empty(DefinitionValidator.Validate(Small()));
    }

    [Fact]
    public void Property_errors_name_the_activity_and_the_property()
    {
        var definition = Small() with
        {
            Activities =
            [
                Activity("review", "human-task", new JsonObject
                {
                    ["team"] = "ghosts", ["title"] = "审核", ["outcomes"] = new JsonArray("approve", "return"),
                    ["sla"] = new JsonObject { ["amount"] = -1, ["unit"] = "fortnights" }, ["status"] = "dreaming",
                }),
                Activity("check", "decision", new JsonObject { ["expression"] = "order.subject.province ===" }),
                Activity("done", "end", new JsonObject { ["result"] = "approved" }),
            ],
            Connections = [new("review", "approve", "check"), new("review", "return", "review"), new("check", "true", "done"), new("check", "false", "done")],
        };

        var errors = DefinitionValidator.Validate(definition, new HashSet<string> { "initial-review" });

        Assert.Contains(errors, e => e.ActivityId == "review" && e.Property == "team");
        Assert.Contains(errors, e => e.ActivityId == "review" && e.Property == "sla");
        Assert.Contains(errors, e => e.ActivityId == "review" && e.Property == "status");
        Assert.Contains(errors, e => e.ActivityId == "check" && e.Property == "expression");
    }

    [Fact]
    public void Return_reasons_outside_the_known_catalogue_are_reason_unknown()
    {
        var definition = Small();
        definition.Activities[0].Properties["reasonCodes"] = new JsonArray("certificate-unclear", "made-up");

        var errors = DefinitionValidator.Validate(definition, knownReasons: new HashSet<string> { "certificate-unclear" });
        var malformed = DefinitionValidator.Validate(Small() with
        {
            Activities = [Activity("review", "human-task", new JsonObject
            {
                ["team"] = "initial-review", ["title"] = "审核", ["outcomes"] = new JsonArray("approve", "return"),
                ["sla"] = new JsonObject { ["amount"] = 1, ["unit"] = "working-days" }, ["reasonCodes"] = "certificate-unclear",
            }), Small().Activities[1]],
        });

        var error = Assert.Single(errors);
        Assert.Equal(("review", "reason-unknown", "reasonCodes"), (error.ActivityId, error.Code, error.Property));
        Assert.Contains("made-up", error.Message, StringComparison.Ordinal);
        Assert.Contains(malformed, e => e.ActivityId == "review" && e.Code == "property-invalid" && e.Property == "reasonCodes");
    }

    private static WorkflowDefinition Small() => new()
    {
        Id = "small", Name = "small", Start = "review",
        Activities =
        [
            Activity("review", "human-task", new JsonObject
            {
                ["team"] = "initial-review", ["title"] = "审核", ["outcomes"] = new JsonArray("approve", "return"),
                ["sla"] = new JsonObject { ["amount"] = 1, ["unit"] = "working-days" },
            }),
            Activity("done", "end", new JsonObject { ["result"] = "approved" }),
        ],
        Connections = [new("review", "approve", "done"), new("review", "return", "review")],
    };

    private static ActivityDefinition Activity(string id, string type, JsonObject? properties = null) =>
        new() { Id = id, Type = type, Properties = properties ?? [] };
}
