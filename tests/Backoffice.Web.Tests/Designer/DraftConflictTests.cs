using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

/// <summary>Two compliance managers editing one draft: a save based on an older draft is refused, not lost silently.</summary>
[Collection(ClockCollection.Name)]
public sealed class DraftConflictTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Save_from_a_stale_draft_is_refused_with_409_and_keeps_the_newer_draft()
    {
        var definitions = await Definitions.ForAsync(_app, "access-subject-elsewhere");
        var original = await definitions.PublishedAsync();
        var compliance = await _app.SignedInAs("compliance");
        var admin = await _app.SignedInAs("admin");
        try
        {
            var first = await PutAsync(compliance, definitions, Named(original, "甲的修改"), "none").ExpectAsync(HttpStatusCode.OK);
            var opened = first["savedAt"]!.GetValue<string>();
            var second = await PutAsync(admin, definitions, Named(original, "乙的修改"), opened).ExpectAsync(HttpStatusCode.OK);

            var stale = await PutAsync(compliance, definitions, Named(original, "甲的第二次修改"), opened).ExpectAsync(HttpStatusCode.Conflict);
            var fromPublished = await PutAsync(compliance, definitions, Named(original, "甲从发布版开始"), "none").ExpectAsync(HttpStatusCode.Conflict);
            var badStamp = await PutAsync(compliance, definitions, original, "yesterday").ExpectAsync(HttpStatusCode.BadRequest);

            Assert.Equal("draft-changed", stale["code"]!.GetValue<string>());
            Assert.Equal("admin", stale["context"]!["savedBy"]!.GetValue<string>());
            Assert.Equal("draft-changed", fromPublished["code"]!.GetValue<string>());
            Assert.Equal(["draft-stamp-format"], badStamp.ErrorCodes()["expectedSavedAt"]);
            Assert.Equal("乙的修改", (await definitions.VersionAsync(second["version"]!.GetValue<int>()))["name"]!.GetValue<string>());
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    private static JsonObject Named(JsonObject definition, string name)
    {
        var copy = definition.DeepClone().AsObject();
        copy["name"] = name;
        return copy;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Definitions definitions, JsonObject definition, string expectedSavedAt) =>
        client.PutAsync($"{definitions.Url}/draft?expectedSavedAt={Uri.EscapeDataString(expectedSavedAt)}",
            new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
}
