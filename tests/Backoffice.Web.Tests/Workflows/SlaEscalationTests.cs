using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class SlaEscalationTests
{
    [Fact]
    public async Task Breached_task_is_escalated_once_to_the_team_lead_who_sees_it_on_the_board()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);

        await Flow.AdvanceClockAsync(TestApp.Instance, 7 * 24);
        await Flow.AdvanceClockAsync(TestApp.Instance, 24);

        var task = await flow.OpenTaskAsync();
        Assert.True(task["overdue"]!.GetValue<bool>());
        await using var db = await TestApp.OpenDatabaseAsync();
        var recipients = (await db.QueryAsync<string>(
            "select channel || ':' || recipient from outbox_messages where order_id = @id and template = 'sla-escalation' order by 1",
            new { id = Guid.Parse(flow.Id) })).ToList();
        Assert.Equal(["email:lead", "staff:lead"], recipients);

        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var session = await Browser.Browser.SignedInAsync("lead");
        var page = session.Page;
        await page.ClickAsync("[data-testid=unread-notices]");
        Assert.Contains(orderNumber, await page.TextContentAsync("main"));
        await page.ClickAsync("text=全部标为已读");
        await page.WaitForSelectorAsync("h1");
        Assert.Equal(0, await page.Locator("[data-testid=unread-notices]").CountAsync());
    }
}
