using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The designer's dry run asks each waiting step's outcomes as choices of what the step offers, by label, describes
/// the sample order with labelled choices and names the teams of the path by label.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DesignerDryRunTests
{
    [Fact]
    public async Task Simulated_outcomes_are_picked_by_label_per_visit_and_played_in_that_order()
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.GotoAsync("/designer?id=new-filing");
        await page.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
        var dryRun = page.GetByTestId("dry-run");

        var nature = dryRun.GetByLabel("order.subject.nature", new() { Exact = true });
        await Assertions.Expect(nature.Locator("option", new() { HasTextRegex = new Regex("^企业$") })).ToHaveCountAsync(1);
        var natures = await nature.Locator("option").AllInnerTextsAsync();
        Assert.Contains("企业", natures);
        Assert.DoesNotContain("enterprise", natures);
        var first = dryRun.GetByTestId("simulate-initial-review-1");
        await Assertions.Expect(first.Locator("option")).ToHaveTextAsync(["通过", "退回"]);
        await first.SelectOptionAsync(new SelectOptionValue { Label = "退回" });
        await dryRun.GetByTestId("add-visit-initial-review").ClickAsync();
        await dryRun.GetByLabel("初审 第2次", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "通过" });
        await page.ScreenshotAsync("designer-dry-run-outcomes");
        var request = await page.RunAndWaitForRequestAsync(
            () => dryRun.GetByRole(AriaRole.Button, new() { Name = "运行" }).ClickAsync(), r => r.Url.EndsWith("/dry-run", StringComparison.Ordinal));

        var planned = JsonNode.Parse(request.PostData!)!["outcomes"]!["initial-review"]!.AsArray().Select(o => o!.GetValue<string>());
        Assert.Equal(["return", "approve"], planned);
        var steps = page.GetByTestId("dry-run-result").Locator("li[data-activity=initial-review]");
        await Assertions.Expect(steps).ToHaveCountAsync(2);
        await Assertions.Expect(steps.First).ToContainTextAsync("初审 → 退回");
        await Assertions.Expect(steps.First).ToContainTextAsync("初审组");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("初审 → 通过");
        await page.ScreenshotAsync("designer-dry-run-result");
    }
}
