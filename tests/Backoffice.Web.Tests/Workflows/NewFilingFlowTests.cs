using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Clock;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class NewFilingFlowTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task New_filing_runs_from_submit_to_approval_and_assigns_filing_numbers()
    {
        var body = Orders.Enterprise();
        var flow = await Flow.SubmittedAsync(_app, body);
        Assert.Equal("initial-review", await flow.StatusAsync());

        Assert.Equal("初审：核对主体、网站与证件材料", await flow.CompleteAsync("approve"));
        Assert.Equal("verification", await flow.StatusAsync());
        await flow.UploadCurtainPhotoAndSubmitAsync();
        Assert.Equal("verification", await flow.StatusAsync());
        await flow.CompleteAsync("approve");
        Assert.Equal("second-review", await flow.StatusAsync());
        await flow.CompleteAsync("approve");
        Assert.Equal("sms-verification", await flow.StatusAsync());
        await flow.BureauAsync("sms-verified");
        Assert.Equal("bureau-review", await flow.StatusAsync());
        var applied = await flow.BureauAsync("approved");

        Assert.True(applied["applied"]!.GetValue<bool>());
        var order = await flow.GetAsync();
        Assert.Equal("approved", order["status"]!.GetValue<string>());
        var subjectNumber = order["subjectFilingNumber"]!.GetValue<string>();
        Assert.Matches("^粤ICP备[0-9]{8}号$", subjectNumber);
        Assert.Equal([$"{subjectNumber}-1"], order["websiteFilingNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        var steps = order["timeline"]!.AsArray().Select(t => t!["step"]?.GetValue<string>()).ToList();
        Assert.Contains("提交管局", steps);
        Assert.Contains("启动公安备案跟进", steps);

        var domain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        var resolve = await _app.Console().PostJsonAsync("/api/filing-types/resolve", new JsonObject
        {
            ["province"] = "440000", ["subjectNature"] = "enterprise", ["certificateType"] = "uscc",
            ["certificateNumber"] = body["subject"]!["certificateNumber"]!.GetValue<string>(), ["domain"] = domain,
        }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-accessed-here", resolve["code"]!.GetValue<string>());
        Assert.Equal(1, await SideEffects.BureauSubmissionsSentAsync(flow.Id, expected: 1));
    }

    [Fact]
    public async Task Returned_order_waits_for_the_applicant_and_goes_back_to_initial_review()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var reviewer = await _app.SignedInAs("reviewer");
        var task = await flow.OpenTaskAsync();
        var taskId = task["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);

        var noReason = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "return" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var unknownOutcome = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "maybe" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reasonCodes", noReason.ErrorCodes().Keys);
        Assert.Contains("outcome", unknownOutcome.ErrorCodes().Keys);

        await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject
        {
            ["outcome"] = "return", ["reasonCodes"] = new JsonArray("address-not-detailed"), ["comment"] = "通信地址请写到门牌号",
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("returned", await flow.StatusAsync());

        await flow.SubmitAsync();
        Assert.Equal("initial-review", await flow.StatusAsync());
        var timeline = (await flow.GetAsync())["timeline"]!.ToJsonString();
        Assert.Contains("address-not-detailed", timeline);
    }

    [Fact]
    public async Task Withdrawal_cancels_open_tasks_before_the_bureau_and_is_refused_after()
    {
        var early = await Flow.SubmittedAsync(_app);
        await _app.Console().PostEmptyAsync($"{early.Url}/withdraw").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", await early.StatusAsync());
        var tasks = await (await _app.SignedInAs("reviewer")).GetAsync($"/api/tasks?scope=team&status=open&filingId={early.Id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(tasks.AsArray());

        var late = await Flow.SubmittedAsync(_app);
        await late.CompleteAsync("approve");
        await late.UploadCurtainPhotoAndSubmitAsync();
        await late.CompleteAsync("approve");
        await late.CompleteAsync("approve");
        var refused = await _app.Console().PostEmptyAsync($"{late.Url}/withdraw").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("at-bureau", refused["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unverified_sms_expires_after_24_hours_and_the_applicant_resubmits()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();

        await Flow.AdvanceClockAsync(_app, 25);

        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        var late = await flow.BureauAsync("sms-verified");
        Assert.False(late["applied"]!.GetValue<bool>());
        await flow.SubmitAsync();
        Assert.Equal("initial-review", await flow.StatusAsync());
    }

    [Fact]
    public async Task With_mailed_originals_asked_the_order_waits_for_the_photo_review_and_the_mail_before_second_review()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var original = await definitions.PublishedAsync();
        var mailed = original.DeepClone().AsObject();
        mailed["variables"]!["mailedOriginals"] = true;
        try
        {
            await definitions.RepublishAsync(mailed);
            var flow = await Flow.SubmittedAsync(_app);
            await flow.CompleteAsync("approve");
            await flow.UploadCurtainPhotoAndSubmitAsync();

            var reviewer = await _app.SignedInAs("reviewer");
            var open = await reviewer.GetAsync($"/api/tasks?scope=team&filingId={flow.Id}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(2, open.AsArray().Count);
            var mail = open.AsArray().Single(t => t!["step"]!.GetValue<string>().Contains("原件"))!["id"]!.GetValue<string>();
            await reviewer.PostEmptyAsync($"/api/tasks/{mail}/claim").ExpectAsync(HttpStatusCode.OK);
            await reviewer.PostJsonAsync($"/api/tasks/{mail}/complete", new JsonObject
            {
                ["outcome"] = "return", ["reasonCodes"] = new JsonArray("authenticity-form-invalid"), ["comment"] = "核验单未签字，请重新寄送",
            }).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("核验：幕布照片与负责人本人一致", await flow.CompleteAsync("approve"));
            Assert.Equal("verification", await flow.StatusAsync());

            await flow.SubmitAsync();
            Assert.StartsWith("核验：寄送的原件", await flow.CompleteAsync("approve"));
            Assert.Equal("second-review", await flow.StatusAsync());
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Sms_window_is_closed_by_the_hangfire_job_scheduled_with_its_timer()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();
        await using var db = await TestApp.OpenDatabaseAsync();
        var bookmark = await db.ExecuteScalarAsync<Guid>(
            """
            select b.id from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where i.order_id = @id::uuid and b.event_name = 'sms-verified'
            """, new { id = flow.Id });
        var job = await db.QuerySingleAsync<(long Id, string State)>(
            "select id, statename from hangfire.job where invocationdata->>'Type' like '%TimerJob%' and arguments::text like '%' || @bookmark || '%'",
            new { bookmark = bookmark.ToString() });
        Assert.Equal("Scheduled", job.State);

        await _app.Services.GetRequiredService<ApplicationClock>().AdvanceAsync(db, TimeSpan.FromHours(25), CancellationToken.None);
        _app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(job.Id.ToString(CultureInfo.InvariantCulture));

        for (var wait = 0; wait < 100 && await flow.StatusAsync() == "sms-verification"; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        Assert.Contains((await flow.GetAsync())["timeline"]!.AsArray(), t => t!["actor"]!.GetValue<string>() == "timer");
    }

    [Fact]
    public async Task Bureau_rejection_returns_to_the_applicant_and_a_duplicate_result_changes_nothing()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();

        var rejected = await flow.BureauAsync("rejected", "domain-holder-mismatch");
        var duplicate = await flow.BureauAsync("rejected", "domain-holder-mismatch");

        Assert.True(rejected["applied"]!.GetValue<bool>());
        Assert.False(duplicate["applied"]!.GetValue<bool>());
        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        await flow.SubmitAsync();
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");
        Assert.Equal("approved", await flow.StatusAsync());
        Assert.Equal(2, await SideEffects.BureauSubmissionsSentAsync(flow.Id, expected: 2));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal([1, 2], await db.QueryAsync<int>("select attempt from bureau_submissions where order_id = @id::uuid order by attempt", new { id = flow.Id }));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("select bureau_attempts from filing_orders where id = @id::uuid", new { id = flow.Id }));
    }

    [Fact]
    public async Task Shanghai_orders_are_verified_through_the_bureau_app_instead_of_a_curtain_photo()
    {
        var body = Orders.Enterprise();
        body["subject"]!["province"] = "310000";
        body["subject"]!["certificateNumber"] = Orders.UniqueUscc(region: "310115");
        body["verificationMethod"] = "app";
        var flow = await Flow.SubmittedAsync(_app, body);

        await flow.CompleteAsync("approve");

        Assert.Equal("verification", await flow.StatusAsync());
        Assert.Equal("核验：确认负责人已在管局APP完成核验", (await flow.OpenTaskAsync())["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task Public_security_reminder_comes_before_day_30_and_overdue_handling_after_until_reported()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");

        await Flow.AdvanceClockAsync(_app, 20 * 24 + 1);
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "remind"));
        await Flow.AdvanceClockAsync(_app, 10 * 24);
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "overdue"));
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "overdue-staff"));

        await _app.Console().PostJsonAsync($"{flow.Url}/public-security", new JsonObject { ["number"] = "44030502001234" })
            .ExpectAsync(HttpStatusCode.OK);
        await Flow.AdvanceClockAsync(_app, 8 * 24);
        Assert.Equal(1, await SideEffects.OutboxCountAsync(flow.Id, "overdue"));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>(
            "select count(*) from workflow_instances where order_id = @id and status = 'running'", new { id = Guid.Parse(flow.Id) }));
    }
}
