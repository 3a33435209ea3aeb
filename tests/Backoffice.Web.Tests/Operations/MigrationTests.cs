using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// Compliance moves running instances to a newer version with a mapping of steps: the dry run says per
/// instance what would happen and changes nothing; the migration runs in batches, moves the waits and
/// open tasks to the mapped steps (the task list then asks for the new step's checklist), is audited and
/// on each order's timeline, blocks an instance that ended meanwhile, and run again moves nothing twice.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class MigrationTests
{
    private const string ConfirmCheck = "已确认注销的网站与备案信息一致";

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Running_instances_move_to_a_new_version_after_a_dry_run_and_an_ended_one_is_blocked()
    {
        var definitions = await Definitions.ForAsync(_app, "deregister-website");
        var original = await definitions.PublishedAsync();
        var from = original["version"]!.GetValue<int>();
        try
        {
            var flows = new[] { await Flow.OnFiledWebsiteAsync(_app, "deregister-website"), await Flow.OnFiledWebsiteAsync(_app, "deregister-website"),
                await Flow.OnFiledWebsiteAsync(_app, "deregister-website") };
            var to = await definitions.RepublishAsync(WithReviewRenamed(original));
            var compliance = await _app.SignedInAs("compliance");
            var ids = new List<string>();
            foreach (var flow in flows)
            {
                ids.Add(await InstanceOfAsync(compliance, flow));
            }

            var unmapped = await DryRunAsync(definitions, from, to, new JsonObject(), ids);
            Assert.All(unmapped["results"]!.AsArray(), r => Assert.Equal(("blocked", "no-counterpart"), (r!["outcome"]!.GetValue<string>(), r["reason"]!.GetValue<string>())));
            Assert.Contains("接入商审核", unmapped["results"]![0]!["detail"]!.GetValue<string>());
            var missing = await DryRunAsync(definitions, from, to, new JsonObject { ["review"] = "legal-review" }, ids);
            Assert.All(missing["results"]!.AsArray(), r => Assert.Equal("mapped-step-missing", r!["reason"]!.GetValue<string>()));
            var mapped = await DryRunAsync(definitions, from, to, new JsonObject { ["review"] = "confirm" }, ids);
            Assert.Equal((3, 0), (mapped["migrated"]!.GetValue<int>(), mapped["blocked"]!.GetValue<int>()));
            Assert.Equal(from, (await compliance.GetAsync($"/api/workflow-instances/{ids[0]}").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());

            await _app.Console().PostEmptyAsync($"{flows[2].Url}/withdraw").ExpectAsync(HttpStatusCode.OK);
            var status = await MigrateAsync(definitions, from, to, ids);

            Assert.Equal(("finished", 2, 1), (status["status"]!.GetValue<string>(), status["migrated"]!.GetValue<int>(), status["blocked"]!.GetValue<int>()));
            var ended = status["results"]!.AsArray().Single(r => r!["instanceId"]!.GetValue<string>() == ids[2])!;
            Assert.Equal(("blocked", "instance-not-running"), (ended["outcome"]!.GetValue<string>(), ended["reason"]!.GetValue<string>()));
            var moved = await compliance.GetAsync($"/api/workflow-instances/{ids[0]}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal((to, "confirm"), (moved["version"]!.GetValue<int>(), moved["bookmarks"]![0]!["activityId"]!.GetValue<string>()));
            var task = await flows[0].OpenTaskAsync();
            Assert.Equal("确认注销", task["step"]!.GetValue<string>());
            Assert.Equal([ConfirmCheck], task["requiredChecklist"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Contains((await flows[0].GetAsync())["timeline"]!.AsArray(), t => t!["note"]?.GetValue<string>() == $"migrated: v{from} → v{to}");
            await flows[0].CompleteAsync("approve");
            Assert.Equal("bureau-review", await flows[0].StatusAsync());

            var again = await MigrateAsync(definitions, from, to, ids[..2]);
            Assert.All(again["results"]!.AsArray(), r => Assert.Equal(("migrated", "already-migrated"), (r!["outcome"]!.GetValue<string>(), r["reason"]!.GetValue<string>())));
            await using var db = await TestApp.OpenDatabaseAsync();
            Assert.Equal(1, await db.ExecuteScalarAsync<int>(
                "select count(*) from workflow_journal where instance_id = @id::uuid and activity_type = 'migration'", new { id = ids[1] }));
            Assert.Equal(2, await db.ExecuteScalarAsync<int>(
                "select count(*) from audit_log where action = 'instance-migrated' and details->>'migration' = @id", new { id = status["id"]!.GetValue<string>() }));
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task A_migration_request_with_bad_fields_is_refused_and_changes_nothing()
    {
        var definitions = await Definitions.ForAsync(_app, "deregister-website");
        var version = await definitions.PublishedVersionAsync();
        var bad = await definitions.PostAsync("migrations", new JsonObject
        {
            ["fromVersion"] = version, ["toVersion"] = version, ["mapping"] = new JsonObject { ["no-such-step"] = "review" },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["migration-same-version"], bad.ErrorCodes()["toVersion"]);
        Assert.Equal(["required"], bad.ErrorCodes()["dryRun"]);

        var unknown = await definitions.PostAsync("migrations", new JsonObject
        {
            ["fromVersion"] = 999, ["toVersion"] = version, ["dryRun"] = true, ["mapping"] = new JsonObject { ["review"] = "" },
            ["instanceIds"] = new JsonArray(),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["version-not-found"], unknown.ErrorCodes()["fromVersion"]);
        Assert.Equal(["required"], unknown.ErrorCodes()["mapping.review"]);
        Assert.Equal(["required"], unknown.ErrorCodes()["instanceIds"]);

        var next = await definitions.RepublishAsync(await definitions.PublishedAsync());
        var step = await definitions.PostAsync("migrations", new JsonObject
        {
            ["fromVersion"] = version, ["toVersion"] = next, ["dryRun"] = true, ["mapping"] = new JsonObject { ["no-such-step"] = "review" },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["mapping-activity-unknown"], step.ErrorCodes()["mapping.no-such-step"]);

        await (await _app.SignedInAs("compliance")).PostJsonAsync("/api/workflow-definitions/no-such/migrations", new JsonObject { ["dryRun"] = true })
            .ExpectAsync(HttpStatusCode.NotFound);
        await definitions.GetAsync($"migrations/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        await (await _app.SignedInAs("reviewer")).PostJsonAsync($"{definitions.Url}/migrations", new JsonObject { ["dryRun"] = true })
            .ExpectAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>The definition with its review step under another id and name: instances waiting there need a mapping.</summary>
    private static JsonObject WithReviewRenamed(JsonObject definition)
    {
        var copy = definition.DeepClone().AsObject();
        copy["start"] = copy["start"]!.GetValue<string>() == "review" ? "confirm" : copy["start"]!.GetValue<string>();
        var review = copy["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!;
        review["id"] = "confirm";
        review["name"] = "确认注销";
        review["properties"]!["title"] = "确认注销";
        review["properties"]!["requiredChecklist"] = new JsonArray(ConfirmCheck);
        foreach (var connection in copy["connections"]!.AsArray())
        {
            foreach (var end in new[] { "source", "target" })
            {
                if (connection![end]!.GetValue<string>() == "review")
                {
                    connection[end] = "confirm";
                }
            }
        }

        return copy;
    }

    private static async Task<string> InstanceOfAsync(HttpClient compliance, Flow flow)
    {
        var running = await compliance.GetAsync("/api/workflow-instances?definition=deregister-website&status=running&activity=review").ExpectAsync(HttpStatusCode.OK);
        return running["items"]!.AsArray().Single(i => i!["orderId"]!.GetValue<string>() == flow.Id)!["id"]!.GetValue<string>();
    }

    private static JsonObject Body(int from, int to, JsonObject mapping, IEnumerable<string> ids, bool dryRun) => new()
    {
        ["fromVersion"] = from, ["toVersion"] = to, ["mapping"] = mapping, ["dryRun"] = dryRun,
        ["instanceIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]),
    };

    private static async Task<JsonNode> DryRunAsync(Definitions definitions, int from, int to, JsonObject mapping, IEnumerable<string> ids) =>
        await definitions.PostAsync("migrations", Body(from, to, mapping, ids, true)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Starts the migration (review → confirm) and reads its status until it has finished.</summary>
    private static async Task<JsonNode> MigrateAsync(Definitions definitions, int from, int to, IEnumerable<string> ids)
    {
        var started = await definitions.PostAsync("migrations", Body(from, to, new JsonObject { ["review"] = "confirm" }, ids, false))
            .ExpectAsync(HttpStatusCode.Accepted);
        var url = $"migrations/{started["migrationId"]}";
        for (var i = 0; i < 120; i++)
        {
            var status = await definitions.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
            if (status["status"]!.GetValue<string>() == "finished")
            {
                return status;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The migration {url} did not finish in 30 s.");
    }
}
