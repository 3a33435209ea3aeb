using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

/// <summary>A described order sets every field the condition builder offers; decisions over them take their branch, bad values are field errors.</summary>
public sealed class DescribedOrderDryRunTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData("electronic", 1, "electronic")]
    [InlineData("curtain-photo", 3, "many-websites")]
    [InlineData("app", 1, "one-website")]
    public async Task A_decision_on_verification_method_or_website_count_takes_its_branch(string method, int websites, string end)
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var order = Described();
        order["verificationMethod"] = method;
        order["websites"] = new JsonArray([.. Enumerable.Range(0, websites).Select(_ => (JsonNode)new JsonObject())]);

        var run = await definitions.PostAsync("dry-run", new JsonObject { ["definition"] = ByMethodAndWebsites(), ["order"] = order })
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(end, run["steps"]!.AsArray().Last()!["activityId"]!.GetValue<string>());
        Assert.Equal("completed", run["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_field_of_the_condition_builder_is_checked_in_a_described_order()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var compliance = await _app.SignedInAs("compliance");
        var fields = (await compliance.GetAsync("/api/designer/reference").ExpectAsync(HttpStatusCode.OK))["orderFields"]!.AsArray()
            .Select(f => f!["path"]!.GetValue<string>());
        var order = new JsonObject
        {
            ["subject"] = new JsonObject { ["province"] = "999999", ["nature"] = "alien", ["certificateType"] = "library-card", ["name"] = 42 },
            ["filingType"] = "new-planet", ["status"] = "lost", ["verificationMethod"] = "carrier-pigeon",
            ["websites"] = new JsonArray(new JsonObject(), new JsonObject(), new JsonObject(), new JsonObject()),
        };

        var bad = await definitions.PostAsync("dry-run", new JsonObject { ["order"] = order }).ExpectAsync(HttpStatusCode.BadRequest);
        var empty = await definitions.PostAsync("dry-run", new JsonObject { ["order"] = new JsonObject { ["websites"] = new JsonArray() } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        await definitions.PostAsync("dry-run", new JsonObject { ["order"] = Described() }).ExpectAsync(HttpStatusCode.OK);

        var codes = bad.ErrorCodes();
        Assert.Equal(fields.Select(f => f.EndsWith(".length", StringComparison.Ordinal) ? f[..^".length".Length] : f).Order(), codes.Keys.Order());
        Assert.All(["order.subject.province", "order.subject.nature", "order.subject.certificateType", "order.filingType", "order.status", "order.verificationMethod"],
            path => Assert.Equal(["invalid-choice"], codes[path]));
        Assert.Equal(["malformed-json"], codes["order.subject.name"]);
        Assert.Equal(["websites-count"], codes["order.websites"]);
        Assert.Equal(["websites-count"], empty.ErrorCodes()["order.websites"]);
    }

    /// <summary>An order as the designer's form describes it: a value for each field the condition builder offers.</summary>
    private static JsonObject Described() => new()
    {
        ["subject"] = new JsonObject { ["province"] = "440000", ["nature"] = "enterprise", ["certificateType"] = "uscc", ["name"] = "深圳某某科技有限公司" },
        ["filingType"] = "new-filing", ["status"] = "initial-review", ["verificationMethod"] = "curtain-photo",
        ["websites"] = new JsonArray(new JsonObject()),
    };

    /// <summary>Electronic verification ends at once; otherwise more than one website ends elsewhere than one.</summary>
    private static JsonObject ByMethodAndWebsites()
    {
        static JsonObject Step(string id, string type, JsonObject properties) => new() { ["id"] = id, ["type"] = type, ["properties"] = properties };
        static JsonObject End(string id) => Step(id, "end", new JsonObject { ["result"] = "completed" });
        return new JsonObject
        {
            ["id"] = "new-filing", ["name"] = "按核验方式与网站数量", ["start"] = "by-method",
            ["activities"] = new JsonArray(
                Step("by-method", "decision", new JsonObject { ["expression"] = "order.verificationMethod === 'electronic'" }),
                Step("by-websites", "decision", new JsonObject { ["expression"] = "order.websites.length > 1" }),
                End("electronic"), End("many-websites"), End("one-website")),
            ["connections"] = new JsonArray(
                Definitions.Link("by-method", "true", "electronic"), Definitions.Link("by-method", "false", "by-websites"),
                Definitions.Link("by-websites", "true", "many-websites"), Definitions.Link("by-websites", "false", "one-website")),
        };
    }
}
