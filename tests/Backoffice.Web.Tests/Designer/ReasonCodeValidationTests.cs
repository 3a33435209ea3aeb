using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Designer;

/// <summary>A human task's return reasons come from the reason catalogue; codes not in it (or retired) are validation errors.</summary>
public sealed class ReasonCodeValidationTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Return_reasons_outside_the_active_catalogue_are_reason_unknown_on_their_activity()
    {
        var retired = "retired-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                "insert into reason_codes (code, label_zh, label_en, active, sort) values (@retired, '已停用原因', 'Retired reason', false, 990)", new { retired });
        }

        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var published = await definitions.PublishedAsync();

        var known = await definitions.PostAsync("validate", WithReasons(published, "certificate-unclear", "certificate-expired")).ExpectAsync(HttpStatusCode.OK);
        var unknown = await definitions.PostAsync("validate", WithReasons(published, "certificate-unclear", "no-such-reason", retired)).ExpectAsync(HttpStatusCode.OK);

        Assert.True(known["valid"]!.GetValue<bool>(), known.ToJsonString());
        Assert.False(unknown["valid"]!.GetValue<bool>());
        var errors = unknown["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.Equal("review", e["activityId"]!.GetValue<string>());
            Assert.Equal("reason-unknown", e["code"]!.GetValue<string>());
            Assert.Equal("reasonCodes", e["property"]!.GetValue<string>());
        });
        Assert.Contains(errors, e => e["message"]!.GetValue<string>().Contains("no-such-reason", StringComparison.Ordinal));
        Assert.Contains(errors, e => e["message"]!.GetValue<string>().Contains(retired, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_designer_offers_the_active_catalogue_as_return_reasons_of_a_human_task()
    {
        var compliance = await _app.SignedInAs("compliance");

        var reference = await compliance.GetAsync("/api/designer/reference").ExpectAsync(HttpStatusCode.OK);
        var types = await compliance.GetAsync("/api/activity-types").ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(reference["reasonCodes"]!.AsArray(), r => r!["value"]!.GetValue<string>() == "certificate-unclear");
        Assert.DoesNotContain(reference["reasonCodes"]!.AsArray(), r => r!["value"]!.GetValue<string>().StartsWith("retired-", StringComparison.Ordinal));
        var humanTask = types.AsArray().First(t => t!["type"]!.GetValue<string>() == "human-task")!;
        Assert.Contains(humanTask["properties"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "reasonCodes" && p["kind"]!.GetValue<string>() == "reason-codes");
    }

    private static JsonObject WithReasons(JsonObject definition, params string[] codes)
    {
        var copy = definition.DeepClone().AsObject();
        var review = copy["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!;
        review["properties"]!["reasonCodes"] = new JsonArray([.. codes.Select(c => (JsonNode)c)]);
        return copy;
    }
}
