using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>An order verified electronically (电子核验, by video) waits for the console's report of the video check, never for a curtain photo.</summary>
public sealed class ElectronicVerificationTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_passed_video_check_goes_on_to_second_review_without_a_curtain_photo()
    {
        var body = Orders.Enterprise();
        body["verificationMethod"] = "electronic";
        var flow = await Flow.SubmittedAsync(_app, body);
        await flow.CompleteAsync("approve");
        Assert.Equal("verification", await flow.StatusAsync());
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            Assert.Equal([("event", "video-verified")], (await db.QueryAsync<(string, string)>(
                """
                select b.kind, b.event_name from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
                where i.order_id = @id
                """, new { id = Guid.Parse(flow.Id) })).ToList());
        }

        var bad = await _app.Console().PostJsonAsync($"{flow.Url}/video-verification", new JsonObject { ["result"] = "maybe" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-choice"], bad.ErrorCodes()["result"]);
        Assert.Equal("verification", await flow.StatusAsync());

        await _app.Console().PostJsonAsync($"{flow.Url}/video-verification", new JsonObject { ["result"] = "passed", ["reference"] = "KV-20260101-0001" })
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("second-review", await flow.StatusAsync());
        await flow.CompleteAsync("approve");
        Assert.Equal("sms-verification", await flow.StatusAsync());
        await using var audit = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await audit.ExecuteScalarAsync<int>(
            "select count(*)::int from audit_log a join filing_orders o on o.order_number = a.entity_id where o.id = @id and a.action = 'video-verification-recorded'",
            new { id = Guid.Parse(flow.Id) }));
    }

    [Fact]
    public async Task A_failed_video_check_returns_the_order_and_a_curtain_photo_order_refuses_a_video_result()
    {
        var body = Orders.Enterprise();
        body["verificationMethod"] = "electronic";
        var flow = await Flow.SubmittedAsync(_app, body);
        await flow.CompleteAsync("approve");

        await _app.Console().PostJsonAsync($"{flow.Url}/video-verification", new JsonObject { ["result"] = "failed" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("returned", await flow.StatusAsync());
        var photo = await Flow.SubmittedAsync(_app);
        await photo.CompleteAsync("approve");
        var refused = await _app.Console().PostJsonAsync($"{photo.Url}/video-verification", new JsonObject { ["result"] = "passed" })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-video-verification-waiting", refused["code"]!.GetValue<string>());
    }
}
