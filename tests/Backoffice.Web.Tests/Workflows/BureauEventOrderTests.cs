using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>Duplicate, late and out-of-order bureau events: each answered clearly, none corrupting the order.</summary>
public sealed class BureauEventOrderTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Approval_sent_many_times_at_once_is_applied_once()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => flow.BureauAsync("approved")));

        Assert.Single(answers, a => a["applied"]!.GetValue<bool>());
        Assert.All(answers.Where(a => !a["applied"]!.GetValue<bool>()), a => Assert.Contains("bureau-result", a["reason"]!.GetValue<string>()));
        var order = await flow.GetAsync();
        Assert.Equal("approved", order["status"]!.GetValue<string>());
        Assert.Single(order["websiteFilingNumbers"]!.AsArray());
        Assert.Equal(new Effects(Events: 9, Applied: 2, Submissions: 1, RegistryWebsites: 1), await EffectsAsync(flow));
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "notify-approved"));
        Assert.Equal(1, await SideEffects.BureauSubmissionsSentAsync(flow.Id, expected: 1));
    }

    [Fact]
    public async Task Sms_verification_after_expiry_and_a_result_after_it_change_nothing()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.CompleteAsync("approve");
        await flow.UploadCurtainPhotoAndSubmitAsync();
        await flow.CompleteAsync("approve");
        await flow.CompleteAsync("approve");

        var expired = await flow.BureauAsync("sms-expired");
        var lateSms = await flow.BureauAsync("sms-verified");
        var lateResult = await flow.BureauAsync("approved");

        Assert.True(expired["applied"]!.GetValue<bool>());
        Assert.False(lateSms["applied"]!.GetValue<bool>());
        Assert.False(lateResult["applied"]!.GetValue<bool>());
        Assert.Contains("bureau-rejected", lateSms["reason"]!.GetValue<string>());
        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "notify-sms-expired"));
        Assert.Equal(0, await SideEffects.OutboxCountAsync(flow.Id, "notify-approved"));
        Assert.Equal(new Effects(Events: 3, Applied: 1, Submissions: 1, RegistryWebsites: 0), await EffectsAsync(flow));
    }

    [Fact]
    public async Task Results_for_a_withdrawn_order_are_refused_and_change_nothing()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await _app.Console().PostEmptyAsync($"{flow.Url}/withdraw").ExpectAsync(HttpStatusCode.OK);

        var answers = new[] { await flow.BureauAsync("sms-verified"), await flow.BureauAsync("approved"), await flow.BureauAsync("rejected", "domain-holder-mismatch") };

        Assert.All(answers, a => Assert.False(a["applied"]!.GetValue<bool>()));
        Assert.All(answers, a => Assert.Contains("withdrawn", a["reason"]!.GetValue<string>()));
        var order = await flow.GetAsync();
        Assert.Equal("withdrawn", order["status"]!.GetValue<string>());
        Assert.Null(order["subjectFilingNumber"]);
        Assert.Equal(new Effects(Events: 3, Applied: 0, Submissions: 0, RegistryWebsites: 0), await EffectsAsync(flow));
        Assert.Equal(0, await SideEffects.OutboxCountAsync(flow.Id, "notify-approved"));
    }

    [Fact]
    public async Task Result_before_sms_verification_is_refused_and_the_right_order_then_applies()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.CompleteAsync("approve");
        await flow.UploadCurtainPhotoAndSubmitAsync();
        await flow.CompleteAsync("approve");
        await flow.CompleteAsync("approve");

        var early = await flow.BureauAsync("approved");
        Assert.False(early["applied"]!.GetValue<bool>());
        Assert.Equal("sms-verification", await flow.StatusAsync());
        Assert.True((await flow.BureauAsync("sms-verified"))["applied"]!.GetValue<bool>());
        Assert.True((await flow.BureauAsync("approved"))["applied"]!.GetValue<bool>());

        Assert.Equal("approved", await flow.StatusAsync());
        Assert.Equal(new Effects(Events: 3, Applied: 2, Submissions: 1, RegistryWebsites: 1), await EffectsAsync(flow));
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "notify-approved"));
    }

    [Fact]
    public async Task Malformed_events_are_400_and_stored_nowhere()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var liaison = await _app.SignedInAs("liaison");

        var unknownKind = await liaison.PostJsonAsync("/api/bureau/events", new JsonObject { ["filingId"] = flow.Id, ["kind"] = "approved-maybe" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var rejectionWithoutReason = await liaison.PostJsonAsync("/api/bureau/events", new JsonObject { ["filingId"] = flow.Id, ["kind"] = "rejected" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var notAnId = await liaison.PostJsonAsync("/api/bureau/events", new JsonObject { ["filingId"] = "'; drop table bureau_events; --", ["kind"] = "approved" })
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("kind", unknownKind.ErrorCodes().Keys);
        Assert.Contains("reasonCodes", rejectionWithoutReason.ErrorCodes().Keys);
        Assert.Equal(["malformed-json"], notAnId.ErrorCodes()["body"]);
        Assert.Equal(new Effects(Events: 0, Applied: 0, Submissions: 0, RegistryWebsites: 0), await EffectsAsync(flow));
    }

    /// <summary>What the bureau events of one order left behind: events recorded, applied, bureau submissions, registry rows.</summary>
    private sealed record Effects(long Events, long Applied, long Submissions, long RegistryWebsites);

    private static async Task<Effects> EffectsAsync(Flow flow)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.QuerySingleAsync<Effects>(
            """
            select (select count(*) from bureau_events where order_id = @id) as events,
                   (select count(*) from bureau_events where order_id = @id and applied) as applied,
                   (select count(*) from bureau_submissions where order_id = @id) as submissions,
                   (select count(*) from registry_websites w join filing_orders o on w.website_filing_number = any(o.website_filing_numbers)
                    where o.id = @id) as registry_websites
            """, new { id = Guid.Parse(flow.Id) });
    }
}
