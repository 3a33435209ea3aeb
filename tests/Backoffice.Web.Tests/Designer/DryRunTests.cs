using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

/// <summary>Dry runs play a definition over a sample order with simulated outcomes and clock, on the working calendar.</summary>
public sealed class DryRunTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Shanghai_order_takes_app_verification_with_working_day_slas()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var order = Orders.Enterprise();
        order["subject"]!["province"] = "310000";
        order["verificationMethod"] = "app";

        var run = await definitions.PostAsync("dry-run", new JsonObject
        {
            ["version"] = await definitions.PublishedVersionAsync(),
            ["order"] = order,
            ["outcomes"] = new JsonObject { ["initial-review"] = new JsonArray("return", "approve") },
            ["startAt"] = "2026-11-27T17:00:00+08:00",
            ["answerAfterWorkingHours"] = 2,
        }).ExpectAsync(HttpStatusCode.OK);

        var steps = run["steps"]!.AsArray();
        Assert.Equal(
            ["initial-review", "notify-returned", "wait-fix", "initial-review", "is-app-verification", "app-verification", "second-review", "submit",
             "wait-sms", "bureau-review", "apply-result", "is-jiangsu", "notify-approved", "start-public-security", "end-approved"],
            steps.Select(s => s!["activityId"]!.GetValue<string>()));
        Assert.Equal("approved", run["result"]!.GetValue<string>());
        var first = steps[0]!;
        Assert.Equal("return", first["outcome"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T17:00:00+08:00"), first["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T10:00:00+08:00"), first["answeredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("true", steps[4]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsaved_edit_is_played_and_other_provinces_upload_the_curtain_photo()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");
        var edited = Definitions.WithStepAfter(await definitions.PublishedAsync(), "second-review", "approve",
            Definitions.HumanTask("final-check", "提交前终审", "second-review", 2), "notify-returned");

        var run = await definitions.PostAsync("dry-run", new JsonObject
        {
            ["definition"] = edited, ["order"] = Orders.Enterprise(), ["outcomes"] = new JsonObject { ["bureau-review"] = new JsonArray("rejected") },
        }).ExpectAsync(HttpStatusCode.OK);

        var path = run["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).ToList();
        Assert.Equal(["is-app-verification", "is-electronic", "wait-curtain-photo", "needs-mail", "photo-review", "second-review", "final-check", "submit"], path[1..9]);
        Assert.Contains("notify-rejected", path);
        Assert.Contains("被管局退回", run["steps"]!.AsArray().First(s => s!["activityId"]!.GetValue<string>() == "notify-rejected")!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_scenarios_get_field_errors()
    {
        var definitions = await Definitions.ForAsync(_app, "new-filing");

        var unknownOutcome = await definitions.PostAsync("dry-run", new JsonObject
        {
            ["order"] = Orders.Enterprise(), ["outcomes"] = new JsonObject { ["initial-review"] = new JsonArray("maybe"), ["nowhere"] = new JsonArray("x") },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var noOrder = await definitions.PostAsync("dry-run", new JsonObject { ["answerAfterWorkingHours"] = -1, ["startAt"] = "9999-12-31T00:00:00Z" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var unknownOrder = await definitions.PostAsync("dry-run", new JsonObject { ["orderId"] = Guid.NewGuid().ToString() }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["dry-run-outcome-unknown"], unknownOutcome.ErrorCodes()["outcomes.initial-review"]);
        Assert.Equal(["dry-run-activity-unknown"], unknownOutcome.ErrorCodes()["outcomes.nowhere"]);
        Assert.Equal(["sample-order-required"], noOrder.ErrorCodes()["order"]);
        Assert.Equal(["answer-hours-range"], noOrder.ErrorCodes()["answerAfterWorkingHours"]);
        Assert.Equal(["dry-run-start-range"], noOrder.ErrorCodes()["startAt"]);
        Assert.Equal(["order-not-found"], unknownOrder.ErrorCodes()["orderId"]);
    }

    [Fact]
    public async Task A_real_order_can_be_the_sample()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var definitions = await Definitions.ForAsync(_app, "new-filing");

        var run = await definitions.PostAsync("dry-run", new JsonObject { ["orderId"] = flow.Id }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("wait-curtain-photo", run["steps"]![3]!["activityId"]!.GetValue<string>());
        Assert.Equal("initial-review", await flow.StatusAsync());
    }
}
