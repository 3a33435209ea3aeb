using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class LeadBoardTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Lead_reassigns_two_ticked_tasks_and_the_board_updates_without_a_reload()
    {
        var member = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var first = await Flow.SubmittedAsync(_app);
        var second = await Flow.SubmittedAsync(_app);
        var numbers = new[] { (await first.GetAsync())["orderNumber"]!.GetValue<string>(), (await second.GetAsync())["orderNumber"]!.GetValue<string>() };
        await using var session = await Browser.SignedInAsync("lead");
        var page = session.Page;

        await page.GotoAsync("/board?holder=-");
        await Assertions.Expect(page.Locator($"[data-testid=member-{member}] [data-testid=member-open]")).ToHaveTextAsync("0");
        await page.EvaluateAsync("window.sameDocument = true");
        foreach (var number in numbers)
        {
            await page.CheckAsync($"input[aria-label='{number}']");
        }

        await page.SelectOptionAsync("[data-testid=assignee]", member);
        await page.ClickAsync("[data-testid=reassign]");
        await Assertions.Expect(page.Locator("[data-testid=board-message]")).ToContainTextAsync($"已改派 2 个任务给 {member}");
        await Assertions.Expect(page.Locator($"[data-testid=member-{member}] [data-testid=member-open]")).ToHaveTextAsync("2");
        foreach (var number in numbers)
        {
            Assert.Equal(0, await page.Locator($"input[aria-label='{number}']").CountAsync());
        }

        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"), "the board was reloaded");
        Assert.EndsWith("/board?holder=-", page.Url, StringComparison.Ordinal);
        Assert.Equal(member, await page.InputValueAsync("[data-testid=assignee]"));
        await page.ScreenshotAsync("lead-board");
        await Assertions.Expect(page.Locator("thead", new PageLocatorOptions { HasText = "处理人" }).Last).ToContainTextAsync("时限");
        var notices = page.Locator("section", new PageLocatorOptions { Has = page.Locator("h2", new PageLocatorOptions { HasText = "升级通知" }) });
        Assert.True(await notices.Locator("li").CountAsync() > 0 || await notices.Locator("[data-testid=no-notices]").IsVisibleAsync(),
            "the escalations card is empty without a word");
        Assert.Equal(member, (await first.OpenTaskAsync(member))["assignee"]!.GetValue<string>());
        Assert.Equal(member, (await second.OpenTaskAsync(member))["assignee"]!.GetValue<string>());

        await page.GotoAsync($"/board?holder={member}");
        Assert.Equal(2, await page.Locator("[data-testid=board-task]").CountAsync());
        await page.GotoAsync($"/orders?q={numbers[0]}");
        Assert.Equal(1, await page.Locator("[data-testid=orders-table] tbody tr").CountAsync());
        await page.ScreenshotAsync("order-search");
        await page.ClickAsync($"text={numbers[0]}");
        await page.WaitForSelectorAsync("[data-testid=timeline]");
        await page.ScreenshotAsync("order");
    }
}
