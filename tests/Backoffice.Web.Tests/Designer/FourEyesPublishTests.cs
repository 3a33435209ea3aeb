using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Designer;

/// <summary>
/// Publishing needs a note and a second pair of eyes: the candidate goes live only when another
/// compliance manager (or an admin) approves it; its author is refused; a rejection keeps the
/// published version. Every step is audited.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class FourEyesPublishTests
{
    private const string Id = "change-subject";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Publication_waits_for_a_second_manager_and_the_author_cannot_approve_it()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var author = await _app.SignedInAs("compliance");
        try
        {
            await definitions.SaveDraftAsync(WithReviewSla(original, 3));
            var noNote = await definitions.PublishAsync("  ").ExpectAsync(HttpStatusCode.BadRequest);
            var noBody = await author.PostEmptyAsync($"{definitions.Url}/publish").ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["required"], noNote.ErrorCodes()["note"]);
            Assert.Equal(["required"], noBody.ErrorCodes()["note"]);
            Assert.Equal(0, await definitions.AwaitingApprovalVersionAsync());

            var requested = await definitions.PublishAsync("初审时限放宽到 3 个工作日").ExpectAsync(HttpStatusCode.Accepted);
            var candidate = requested["version"]!.GetValue<int>();
            Assert.Equal("awaiting-approval", requested["state"]!.GetValue<string>());
            Assert.Equal(published, await definitions.PublishedVersionAsync());
            Assert.Equal(candidate, await definitions.AwaitingApprovalVersionAsync());
            var second = await definitions.PublishAsync("再发一次").ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("no-draft", second["code"]!.GetValue<string>());
            await definitions.SaveDraftAsync(WithReviewSla(original, 4));
            var pending = await definitions.PublishAsync("再发一次").ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("approval-pending", pending["code"]!.GetValue<string>());
            await definitions.DeleteAsync("draft").ExpectAsync(HttpStatusCode.OK);

            var own = await definitions.ApproveAsync(candidate, "我自己批准", by: author).ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Equal("four-eyes", own["code"]!.GetValue<string>());
            var reviewer = await _app.SignedInAs("reviewer");
            await definitions.ApproveAsync(candidate, "审核员批准", by: reviewer).ExpectAsync(HttpStatusCode.Forbidden);
            var unnoted = await definitions.ApproveAsync(candidate, null).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["required"], unnoted.ErrorCodes()["note"]);
            Assert.Equal(published, await definitions.PublishedVersionAsync());

            var approved = await definitions.ApproveAsync(candidate, "已核对，同意").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal((candidate, "published"), (approved["version"]!.GetValue<int>(), approved["state"]!.GetValue<string>()));
            Assert.Equal(candidate, await definitions.PublishedVersionAsync());
            var again = await definitions.ApproveAsync(candidate, "再批一次").ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("not-awaiting-approval", again["code"]!.GetValue<string>());
            await definitions.ApproveAsync(9999, "没有这个版本").ExpectAsync(HttpStatusCode.NotFound);

            var row = (await definitions.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).AsArray().First(v => v!["version"]!.GetValue<int>() == candidate)!;
            Assert.Equal(("published", "compliance", "compliance2", "已核对，同意"),
                (row["status"]!.GetValue<string>(), row["requestedBy"]!.GetValue<string>(), row["decidedBy"]!.GetValue<string>(), row["decisionNote"]!.GetValue<string>()));
            await using var db = await TestApp.OpenDatabaseAsync();
            var audit = (await db.QueryAsync<(string Action, string Actor, string Details)>(
                """
                select action, actor, details::text from audit_log where entity_id = @Id and (details->>'version')::int = @candidate
                  and action in ('definition-publish-requested', 'definition-published') order by id
                """, new { Id, candidate })).ToList();
            Assert.Equal([("definition-publish-requested", "compliance"), ("definition-published", "compliance2")], audit.Select(a => (a.Action, a.Actor)));
            Assert.Equal(["接入商审核 · 时限 1 工作日 → 3 工作日"], JsonNode.Parse(audit[0].Details)!["changes"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Rejected_candidate_never_goes_live_and_an_admin_may_approve_the_next()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        try
        {
            await definitions.SaveDraftAsync(WithReviewSla(original, 5));
            var candidate = (await definitions.PublishAsync("放宽到 5 个工作日").ExpectAsync(HttpStatusCode.Accepted))["version"]!.GetValue<int>();
            var unnoted = await definitions.RejectAsync(candidate, "").ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["required"], unnoted.ErrorCodes()["note"]);

            var rejected = await definitions.RejectAsync(candidate, "时限过长，违反服务承诺").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("rejected", rejected["state"]!.GetValue<string>());
            Assert.Equal(published, await definitions.PublishedVersionAsync());
            Assert.Equal(0, await definitions.AwaitingApprovalVersionAsync());
            await definitions.ApproveAsync(candidate, "驳回后又批准").ExpectAsync(HttpStatusCode.Conflict);
            var row = (await definitions.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).AsArray().First(v => v!["version"]!.GetValue<int>() == candidate)!;
            Assert.Equal(("rejected", "时限过长，违反服务承诺"), (row["status"]!.GetValue<string>(), row["decisionNote"]!.GetValue<string>()));
            await using var db = await TestApp.OpenDatabaseAsync();
            Assert.Equal(1, await db.ExecuteScalarAsync<int>(
                "select count(*)::int from audit_log where action = 'definition-publication-rejected' and actor = 'compliance2' and entity_id = @Id and (details->>'version')::int = @candidate",
                new { Id, candidate }));

            await definitions.SaveDraftAsync(WithReviewSla(original, 2));
            var next = (await definitions.PublishAsync("放宽到 2 个工作日").ExpectAsync(HttpStatusCode.Accepted))["version"]!.GetValue<int>();
            await definitions.ApproveAsync(next, "管理员批准", by: await _app.SignedInAs("admin")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(next, await definitions.PublishedVersionAsync());
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Discarding_the_draft_returns_to_the_published_version_audited()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var draft = (await definitions.SaveDraftAsync(WithReviewSla(original, 7)))["version"]!.GetValue<int>();

        var discarded = await definitions.DeleteAsync("draft").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(draft, discarded["discardedVersion"]!.GetValue<int>());
        Assert.Equal(published, (await definitions.LatestAsync())["version"]!.GetValue<int>());
        await definitions.GetAsync($"versions/{draft}").ExpectAsync(HttpStatusCode.NotFound);
        var none = await definitions.DeleteAsync("draft").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-draft", none["code"]!.GetValue<string>());
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.True(await db.ExecuteScalarAsync<bool>(
            "select exists (select 1 from audit_log where action = 'definition-draft-discarded' and actor = 'compliance' and entity_id = @Id and (details->>'version')::int = @draft)",
            new { Id, draft }));
    }

    /// <summary>A copy of the change-subject definition with its provider review's SLA set to <paramref name="workingDays"/>.</summary>
    public static JsonObject WithReviewSla(JsonObject definition, int workingDays)
    {
        var copy = definition.DeepClone().AsObject();
        copy["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["sla"] =
            new JsonObject { ["amount"] = workingDays, ["unit"] = "working-days" };
        return copy;
    }
}
