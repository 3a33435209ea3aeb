using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

[Collection(ClockCollection.Name)]
public sealed class VersionHistoryTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task History_shows_who_published_with_which_note_the_diff_and_where_running_orders_wait()
    {
        var definitions = await Definitions.ForAsync(_app, "cancel-access");
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var order = await Flow.OnFiledWebsiteAsync(_app, "cancel-access");
        try
        {
            var waiting = await definitions.GetAsync($"versions/{published}/waiting").ExpectAsync(HttpStatusCode.OK);
            Assert.True(waiting["waiting"]!["review"]!.GetValue<int>() >= 1, waiting.ToJsonString());
            Assert.Null(waiting["waiting"]!["submit"]);

            var draft = Definitions.WithStepAfter(original, "review", "approve", Definitions.HumanTask("legal", "法务复核", "second-review", 2), "notify-returned");
            var draftVersion = (await definitions.SaveDraftAsync(draft))["version"]!.GetValue<int>();
            var diff = (await definitions.GetAsync($"diff?from={published}&to={draftVersion}").ExpectAsync(HttpStatusCode.OK))["diff"]!;

            Assert.Equal(["legal"], Ids(diff["addedActivities"]!));
            Assert.Empty(diff["removedActivities"]!.AsArray());
            Assert.Empty(diff["changedActivities"]!.AsArray());
            Assert.Equal(["legal-approve-submit", "legal-return-notify-returned", "review-approve-legal"], Links(diff["addedConnections"]!));
            Assert.Equal(["review-approve-submit"], Links(diff["removedConnections"]!));

            await definitions.PublishApprovedAsync("新增法务复核");
            var versions = (await definitions.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).AsArray();
            var latest = versions.First(v => v!["version"]!.GetValue<int>() == draftVersion)!;
            var previous = versions.First(v => v!["version"]!.GetValue<int>() == published)!;

            Assert.Equal(("published", "新增法务复核", "compliance", "compliance2"),
                (latest["status"]!.GetValue<string>(), latest["note"]!.GetValue<string>(), latest["requestedBy"]!.GetValue<string>(),
                    latest["publishedBy"]!.GetValue<string>()));
            Assert.Equal(("合规经理", "合规经理乙", "合规经理", "合规经理乙"),
                (latest["requestedByName"]!.GetValue<string>(), latest["decidedByName"]!.GetValue<string>(), latest["savedByName"]!.GetValue<string>(),
                    latest["publishedByName"]!.GetValue<string>()));
            Assert.NotNull(latest["publishedAt"]);
            Assert.Equal(0, latest["runningInstances"]!.GetValue<int>());
            Assert.Equal("retired", previous["status"]!.GetValue<string>());
            Assert.True(previous["runningInstances"]!.GetValue<int>() >= 1);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }

        await order.CompleteAsync("approve");
        Assert.Equal("bureau-review", await order.StatusAsync());
    }

    [Fact]
    public async Task Diff_names_changed_properties_and_refuses_unknown_versions()
    {
        var definitions = await Definitions.ForAsync(_app, "change-subject");
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var edited = original.DeepClone().AsObject();
        edited["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["sla"] =
            new JsonObject { ["amount"] = 3, ["unit"] = "working-days" };
        try
        {
            var draftVersion = (await definitions.SaveDraftAsync(edited))["version"]!.GetValue<int>();

            var diff = (await definitions.GetAsync($"diff?from={published}&to={draftVersion}").ExpectAsync(HttpStatusCode.OK))["diff"]!;
            var bad = await definitions.GetAsync($"diff?from={published}&to=9999").ExpectAsync(HttpStatusCode.BadRequest);
            var missing = await definitions.GetAsync("diff?to=1").ExpectAsync(HttpStatusCode.BadRequest);

            var changed = diff["changedActivities"]!.AsArray().Single()!;
            Assert.Equal("review", changed["id"]!.GetValue<string>());
            Assert.Equal(["properties.sla"], changed["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
            Assert.Empty(diff["addedConnections"]!.AsArray());
            Assert.Equal(["version-not-found"], bad.ErrorCodes()["to"]);
            Assert.Equal(["required"], missing.ErrorCodes()["from"]);
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    private static List<string> Ids(JsonNode list) => [.. list.AsArray().Select(i => i!.GetValue<string>())];

    private static List<string> Links(JsonNode list) =>
        [.. list.AsArray().Select(c => $"{c!["source"]}-{c["outcome"]}-{c["target"]}").Order(StringComparer.Ordinal)];
}
