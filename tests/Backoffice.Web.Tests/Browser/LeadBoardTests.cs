using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Browser;

public sealed class LeadBoardTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Lead_reassigns_ticked_tasks_to_a_member_and_finds_the_order_by_number()
    {
        var first = await Flow.SubmittedAsync(_app);
        var second = await Flow.SubmittedAsync(_app);
        var numbers = new[] { (await first.GetAsync())["orderNumber"]!.GetValue<string>(), (await second.GetAsync())["orderNumber"]!.GetValue<string>() };
        await using var session = await Browser.SignedInAsync("lead");
        var page = session.Page;

        await page.GotoAsync("/board?holder=-");
        foreach (var number in numbers)
        {
            await page.CheckAsync($"input[aria-label='{number}']");
        }

        await page.SelectOptionAsync("[data-testid=assignee]", "reviewer2");
        await page.ClickAsync("[data-testid=reassign]");
        Assert.Contains("已改派 2 个任务给 reviewer2", await page.TextContentAsync("[data-testid=board-message]"));
        await page.ScreenshotAsync("lead-board");
        Assert.Equal("reviewer2", (await first.OpenTaskAsync())["assignee"]!.GetValue<string>());
        Assert.Equal("reviewer2", (await second.OpenTaskAsync())["assignee"]!.GetValue<string>());

        await page.GotoAsync($"/orders?q={numbers[0]}");
        Assert.Equal(1, await page.Locator("[data-testid=orders-table] tbody tr").CountAsync());
        await page.ScreenshotAsync("order-search");
        await page.ClickAsync($"text={numbers[0]}");
        await page.WaitForSelectorAsync("[data-testid=timeline]");
        await page.ScreenshotAsync("order");
    }
}
