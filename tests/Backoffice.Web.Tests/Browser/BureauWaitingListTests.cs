using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class BureauWaitingListTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_waiting_list_shows_province_type_submission_and_working_days_at_the_bureau_against_20()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("liaison");
        var page = session.Page;

        await page.GotoAsync("/bureau");
        var row = page.Locator("[data-testid=waiting-order]", new PageLocatorOptions { HasText = orderNumber });
        await Assertions.Expect(row).ToContainTextAsync("广东");
        await Assertions.Expect(row).ToContainTextAsync("首次备案");
        await Assertions.Expect(row).ToContainTextAsync("待短信核验");
        await Assertions.Expect(row.Locator("[data-testid=bureau-days]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ / 20$"));
        await page.ScreenshotAsync("bureau-waiting-list");
    }

    [Fact]
    public async Task A_hand_entered_result_shows_its_error_at_the_field_and_records_nothing()
    {
        await using var session = await Browser.SignedInAsync("liaison");
        var page = session.Page;
        await page.GotoAsync("/bureau");

        await page.FillAsync("[data-testid=manual-order]", "BO00000000000000");
        await page.SelectOptionAsync("#Kind", "approved");
        await page.ClickAsync("[data-testid=record]");

        await Assertions.Expect(page.Locator("[data-testid=error-orderNumber]")).ToContainTextAsync("未找到订单 BO00000000000000");
        await Assertions.Expect(page.Locator("[data-testid=manual-error]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=rejected-rows]").CountAsync());
        await Assertions.Expect(page.Locator("[data-testid=manual-order]")).ToHaveValueAsync("BO00000000000000");
        await Assertions.Expect(page.Locator("#Kind")).ToHaveValueAsync("approved");

        await page.SelectOptionAsync("#Kind", "rejected");
        await page.ClickAsync("[data-testid=record]");
        await Assertions.Expect(page.Locator("[data-testid=error-reasonCodes]")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync("bureau-manual-error");
    }
}
