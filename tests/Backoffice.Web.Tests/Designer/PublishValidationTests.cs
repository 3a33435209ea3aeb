using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

/// <summary>Publishing refuses every class of definition error, reported per activity; validation answers the same without saving.</summary>
[Collection(ClockCollection.Name)]
public sealed class PublishValidationTests
{
    private readonly TestApp _app = TestApp.Instance;

    private static readonly (string Activity, string Code)[] Expected =
    [
        ("orphan", "unreachable"),
        ("check", "dangling-outcome"),
        ("ghost", "unknown-type"),
        ("loop-a", "blocking-free-cycle"),
        ("loop-b", "blocking-free-cycle"),
        ("review", "property-invalid"),
        ("check", "expression-invalid"),
    ];

    [Fact]
    public async Task Publish_refuses_every_error_class_and_keeps_the_published_version()
    {
        var definitions = await Definitions.ForAsync(_app, "change-website");
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        try
        {
            await definitions.SaveDraftAsync(Broken(original));

            var problem = await definitions.PublishAsync("不应发布").ExpectAsync(HttpStatusCode.BadRequest);

            var errors = problem["definitionErrors"]!.AsArray().Select(e => (e!["activityId"]?.GetValue<string>(), e["code"]!.GetValue<string>())).ToHashSet();
            Assert.All(Expected, e => Assert.Contains(e, errors));
            Assert.Contains("activities[check]", problem["errors"]!.AsObject().Select(p => p.Key));
            Assert.Equal(published, await definitions.PublishedVersionAsync());
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task Validate_reports_the_same_errors_without_saving()
    {
        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var original = await definitions.PublishedAsync();
        var versionsBefore = (await definitions.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Count;

        var broken = await definitions.PostAsync("validate", Broken(original)).ExpectAsync(HttpStatusCode.OK);
        var valid = await definitions.PostAsync("validate", original).ExpectAsync(HttpStatusCode.OK);

        Assert.False(broken["valid"]!.GetValue<bool>());
        var errors = broken["errors"]!.AsArray().Select(e => (e!["activityId"]?.GetValue<string>(), e["code"]!.GetValue<string>())).ToHashSet();
        Assert.All(Expected, e => Assert.Contains(e, errors));
        var expression = broken["errors"]!.AsArray().First(e => e!["code"]!.GetValue<string>() == "expression-invalid")!;
        Assert.Equal("expression", expression["property"]!.GetValue<string>());
        Assert.Contains("1:", expression["message"]!.GetValue<string>());
        Assert.True(valid["valid"]!.GetValue<bool>());
        Assert.Equal(versionsBefore, (await definitions.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
    }

    [Fact]
    public async Task Validate_answers_bad_input_with_field_errors()
    {
        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var compliance = await _app.SignedInAs("compliance");

        var malformed = await compliance.PostAsync($"{definitions.Url}/validate",
            new StringContent("{\"id\": ", System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);
        await compliance.PostJsonAsync("/api/workflow-definitions/no-such-process/validate", await definitions.PublishedAsync())
            .ExpectAsync(HttpStatusCode.NotFound);
        var reviewer = await _app.SignedInAs("reviewer");
        await reviewer.PostJsonAsync($"{definitions.Url}/validate", new JsonObject()).ExpectAsync(HttpStatusCode.Forbidden);

        var nullStep = await compliance.PostAsync($"{definitions.Url}/validate", new StringContent(
            "{\"id\":\"change-subject\",\"name\":\"x\",\"start\":\"a\",\"activities\":[{\"id\":\"a\",\"type\":\"end\",\"properties\":null}],\"connections\":[null]}",
            System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);
        var nullDraft = await compliance.PutAsync($"{definitions.Url}/draft", new StringContent(
            "{\"id\":\"change-subject\",\"name\":\"x\",\"start\":\"a\",\"activities\":[null],\"connections\":[]}",
            System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["malformed-json"], malformed.ErrorCodes()["body"]);
        Assert.Equal(["required"], nullStep.ErrorCodes()["activities[0].properties"]);
        Assert.Equal(["required"], nullDraft.ErrorCodes()["activities[0]"]);
    }

    /// <summary>
    /// Every class of error at once: an unreachable end, a decision with a dangling outcome and an
    /// expression that does not compile, an unknown type, a loop of non-waiting steps, a property of
    /// the wrong type (SLA) and an unknown team.
    /// </summary>
    private static JsonObject Broken(JsonObject original)
    {
        var copy = original.DeepClone().AsObject();
        var activities = copy["activities"]!.AsArray();
        var review = activities.First(a => a!["id"]!.GetValue<string>() == "review")!;
        review["properties"]!["sla"] = new JsonObject { ["amount"] = "两天", ["unit"] = "working-days" };
        review["properties"]!["team"] = "no-such-team";
        activities.Add(new JsonObject { ["id"] = "orphan", ["type"] = "end", ["properties"] = new JsonObject { ["result"] = "approved" } });
        activities.Add(new JsonObject { ["id"] = "ghost", ["type"] = "teleport", ["properties"] = new JsonObject() });
        activities.Add(new JsonObject { ["id"] = "check", ["type"] = "decision", ["properties"] = new JsonObject { ["expression"] = "order.subject.province ===" } });
        activities.Add(new JsonObject { ["id"] = "loop-a", ["type"] = "set-status", ["properties"] = new JsonObject { ["status"] = "submitted" } });
        activities.Add(new JsonObject { ["id"] = "loop-b", ["type"] = "set-status", ["properties"] = new JsonObject { ["status"] = "submitted" } });
        var connections = copy["connections"]!.AsArray();
        var approve = connections.First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!;
        var next = approve["target"]!.GetValue<string>();
        approve["target"] = "check";
        connections.Add(Definitions.Link("check", "true", next));
        connections.Add(Definitions.Link("loop-a", "done", "loop-b"));
        connections.Add(Definitions.Link("loop-b", "done", "loop-a"));
        return copy;
    }
}
