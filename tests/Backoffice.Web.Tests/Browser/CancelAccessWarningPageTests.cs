using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class CancelAccessWarningPageTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_reviewer_of_a_cancel_access_order_reads_that_the_number_may_be_deregistered()
    {
        var flow = await Flow.OnFiledWebsiteAsync(_app, "cancel-access");
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/tasks/{taskId}");

        var warning = page.Locator("[data-testid=order-warning]");
        await Assertions.Expect(warning).ToHaveTextAsync("该网站没有其他接入商，取消接入后管局可能注销备案号。");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=no-materials]")).ToHaveTextAsync("此类订单不需要上传材料：请核对下方的备案记录。");
        await page.ScreenshotAsync("cancel-access-warning");
    }
}
