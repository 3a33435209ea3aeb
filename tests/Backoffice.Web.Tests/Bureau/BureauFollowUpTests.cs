using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Browser;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Bureau;

/// <summary>
/// The bureau's 20-working-day limit (Kingsoft 管局审核): an order still at the bureau after it gets one follow-up
/// task for the bureau liaison team, shown as overdue on the bureau desk, closed when the bureau's result arrives.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class BureauFollowUpTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_order_at_the_bureau_past_20_working_days_gets_one_follow_up_closed_by_the_result()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();

        await Flow.AdvanceClockAsync(_app, 24 * 14);
        Assert.Null(await FollowUpAsync(flow.Id));
        Assert.DoesNotContain("bureau-overdue", await DeskRowAsync(orderNumber));

        await Flow.AdvanceClockAsync(_app, 24 * 30);
        var followUp = await FollowUpAsync(flow.Id);
        Assert.NotNull(followUp);
        Assert.Equal("bureau-liaison", followUp["team"]!.GetValue<string>());
        Assert.Equal(orderNumber, followUp["orderNumber"]!.GetValue<string>());
        Assert.True(followUp["dueAt"]!.GetValue<DateTimeOffset>() > followUp["waitingSince"]!.GetValue<DateTimeOffset>().AddDays(20));
        Assert.Contains("bureau-overdue", await DeskRowAsync(orderNumber));
        Assert.Equal("bureau-review", await flow.StatusAsync());

        await using (var session = await Browser.Browser.SignedInAsync("liaison"))
        {
            await session.Page.GotoAsync("/bureau");
            var row = session.Page.Locator("[data-testid=waiting-order]", new PageLocatorOptions { HasText = orderNumber });
            await Assertions.Expect(row.Locator("[data-testid=bureau-overdue]")).ToContainTextAsync("已超期，请跟进");
            await session.Page.ScreenshotAsync("bureau-overdue-follow-up");
        }

        await Flow.AdvanceClockAsync(_app, 24 * 5);
        await using var db = await TestApp.OpenDatabaseAsync();
        var id = Guid.Parse(flow.Id);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("select count(*) from bureau_follow_ups where order_id = @id", new { id }));
        Assert.Contains("staff:liaison", await db.QueryAsync<string>(
            "select channel || ':' || recipient from outbox_messages where order_id = @id and template = 'bureau-follow-up'", new { id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'bureau-follow-up-opened' and entity_id = @orderNumber", new { orderNumber }));

        await flow.BureauAsync("approved");

        Assert.Null(await FollowUpAsync(flow.Id));
        Assert.Equal(("closed", "approved", "liaison"), await db.QuerySingleAsync<(string, string, string)>(
            "select status, resolution, closed_by from bureau_follow_ups where order_id = @id", new { id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'bureau-follow-up-closed' and entity_id = @orderNumber", new { orderNumber }));
    }

    [Fact]
    public async Task An_order_answered_within_the_limit_gets_no_follow_up()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("rejected", "domain-holder-mismatch");

        await Flow.AdvanceClockAsync(_app, 24 * 45);

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>(
            "select count(*) from bureau_follow_ups where order_id = @id", new { id = Guid.Parse(flow.Id) }));
    }

    /// <summary>Signs in afresh: moving the clock ends earlier sessions.</summary>
    private async Task<JsonNode?> FollowUpAsync(string filingId)
    {
        using var liaison = await _app.SignedInAs("liaison");
        var list = (await liaison.GetAsync("/api/bureau/follow-ups").ExpectAsync(HttpStatusCode.OK)).AsArray();
        return list.FirstOrDefault(f => f!["filingId"]!.GetValue<string>() == filingId);
    }

    private async Task<string> DeskRowAsync(string orderNumber)
    {
        using var desk = await _app.CookieSignedInAs("liaison");
        var html = await desk.GetStringAsync("/bureau");
        var at = html.IndexOf($">{orderNumber}</a>", StringComparison.Ordinal);
        Assert.True(at > 0, "the order is on the bureau desk");
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[at..end];
    }
}
