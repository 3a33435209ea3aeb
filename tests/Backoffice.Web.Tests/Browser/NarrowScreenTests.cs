using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>The inbox, the task page and the order page at 390 px (a phone): one column, no sideways scrolling, accessible.</summary>
public sealed class NarrowScreenTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Inbox_task_and_order_fit_a_390_px_screen()
    {
        var (flow, _) = await RealMaterials.SubmittedAsync(_app);
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);

        foreach (var (path, name) in new[] { ($"/inbox?tab=team&order={orderNumber}", "narrow-inbox"), ($"/tasks/{taskId}", "narrow-task"), ($"/orders/{flow.Id}", "narrow-order") })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var (scrollWidth, clientWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
            var wide = scrollWidth <= clientWidth ? "" : await page.EvaluateAsync<string>(
                """
                () => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                  .slice(0, 8).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`).join(', ')
                """);
            Assert.True(scrollWidth <= clientWidth, $"{path} scrolls sideways: {scrollWidth} > {clientWidth}: {wide}");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(name);
        }

        await page.GotoAsync($"/tasks/{taskId}");
        await Assertions.Expect(page.Locator("[data-testid=viewer-caption]")).ToHaveTextAsync("营业执照 · 1/4");
        Assert.True(await page.Locator("[data-testid=material-image]:visible").EvaluateAsync<bool>("img => img.getBoundingClientRect().right <= 390"));
    }

    [Fact]
    public async Task The_designer_says_it_needs_a_wider_screen()
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/designer");

        await Assertions.Expect(page.Locator("[data-testid=designer-needs-width]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("narrow-designer");
    }
}
