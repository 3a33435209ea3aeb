using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// A compliance manager handles an incident on the instance page (the failed step marked on the graph, then
/// retried) and migrates running orders to a new version after a dry run, all in words, never codes.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class OperationsPageTests
{
    private const string Id = "deregister-website";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_incident_is_found_by_its_failed_step_and_retried_from_the_instance_page()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        try
        {
            await definitions.RepublishAsync(Definitions.WithDecisionBeforeSubmit(original, "order.checkedBy.length > 0"));
            var flow = await Flow.OnFiledWebsiteAsync(_app, Id);
            await flow.CompleteAsync("approve");
            var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
            await using var session = await Browser.SignedInAsync("compliance");
            var page = session.Page;

            await page.GetByRole(AriaRole.Link, new() { Name = "流程实例" }).ClickAsync();
            await page.Locator($"[data-testid=count-row][data-definition={Id}] [data-testid=faulted-count]").First.ClickAsync();
            var row = page.GetByTestId("instance-row").Filter(new() { HasText = orderNumber });
            await Assertions.Expect(row).ToContainTextAsync("核对网站数量");
            await page.ScreenshotAsync("operations-incidents");
            await row.GetByRole(AriaRole.Link, new() { Name = "处理故障" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("incident")).ToContainTextAsync("核对网站数量");
            await Assertions.Expect(page.Locator("[data-testid=graph-node][data-activity=check-sites]")).ToHaveAttributeAsync("data-state", "current");
            await Assertions.Expect(page.Locator("[data-testid=graph-node][data-activity=review]")).ToHaveAttributeAsync("data-state", "visited");
            await Assertions.Expect(page.GetByTestId("fault-note")).ToContainTextAsync("表达式执行出错");
            await Assertions.Expect(page.GetByTestId("instance-rules")).ToContainTextAsync("短信核验");
            var incidentText = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("the expression failed", incidentText);
            Assert.DoesNotContain("smsStep", incidentText);
            Assert.DoesNotContain("authenticityChecks", incidentText);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("operations-instance-incident");

            await using (var db = await TestApp.OpenDatabaseAsync())
            {
                await db.ExecuteAsync("update filing_orders set body = body || '{\"checkedBy\": \"合规\"}' where id = @id::uuid", new { id = flow.Id });
            }

            await page.GetByTestId("retry").ClickAsync();

            await Assertions.Expect(page.GetByTestId("incident-message")).ToContainTextAsync("流程继续运行");
            await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("运行中");
            await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("管局审核");
            await Assertions.Expect(page.GetByTestId("incident")).ToHaveCountAsync(0);
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("check-sites", text);
            Assert.DoesNotContain("faulted", text);
            await page.ScreenshotAsync("operations-instance-retried");
            Assert.Equal("bureau-review", await flow.StatusAsync());
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    [Fact]
    public async Task Running_orders_are_migrated_after_a_dry_run_that_shows_what_needs_a_mapping()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        var from = original["version"]!.GetValue<int>();
        try
        {
            var flows = new[] { await Flow.OnFiledWebsiteAsync(_app, Id), await Flow.OnFiledWebsiteAsync(_app, Id) };
            var renamed = original.DeepClone().AsObject();
            var review = renamed["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "review")!;
            review["name"] = "确认注销";
            review["properties"]!["title"] = "确认注销";
            var to = await definitions.RepublishAsync(WithoutReview(renamed));
            var numbers = new List<string>();
            foreach (var flow in flows)
            {
                numbers.Add((await flow.GetAsync())["orderNumber"]!.GetValue<string>());
            }

            await using var session = await Browser.SignedInAsync("compliance");
            var page = session.Page;
            await page.GotoAsync($"/operations/migrations/{Id}?from={from}&to={to}");
            await page.GetByTestId("dry-run").ClickAsync();
            var results = page.GetByTestId("migration-results");
            await Assertions.Expect(results).ToContainTextAsync("未做任何更改");
            await Assertions.Expect(results.GetByTestId("result-row").Filter(new() { HasText = numbers[0] })).ToContainTextAsync("没有对应步骤");

            await page.Locator("[data-testid=mapping-row][data-activity=review] select").SelectOptionAsync(new SelectOptionValue { Label = "确认注销" });
            await page.GetByTestId("dry-run").ClickAsync();
            foreach (var number in numbers)
            {
                await Assertions.Expect(results.GetByTestId("result-row").Filter(new() { HasText = number })).ToHaveAttributeAsync("data-outcome", "migrated");
            }

            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("operations-migration-dry-run");
            Assert.Equal("审核：确认注销的网站", (await flows[0].OpenTaskAsync())["step"]!.GetValue<string>());

            await page.GetByTestId("run-migration").ClickAsync();
            await Assertions.Expect(page.GetByTestId("migration-status")).ToBeVisibleAsync();
            for (var i = 0; i < 40 && !(await page.GetByTestId("migration-status").InnerTextAsync()).Contains("已完成"); i++)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
            }

            await Assertions.Expect(page.GetByTestId("migration-status")).ToContainTextAsync("已完成");
            await Assertions.Expect(results.GetByTestId("result-row").Filter(new() { HasText = numbers[1] })).ToHaveAttributeAsync("data-outcome", "migrated");
            await page.ScreenshotAsync("operations-migration-finished");
            Assert.Equal("确认注销", (await flows[0].OpenTaskAsync())["step"]!.GetValue<string>());
            var compliance = await _app.SignedInAs("compliance");
            var instances = await compliance.GetAsync($"/api/workflow-instances?definition={Id}&version={to}&status=running&activity=confirm").ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(instances["items"]!.AsArray(), i => i!["orderId"]!.GetValue<string>() == flows[1].Id);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }

    /// <summary>The review step under a new id: the orders waiting at it need a mapping to move.</summary>
    private static JsonObject WithoutReview(JsonObject definition)
    {
        var text = definition.ToJsonString().Replace("\"review\"", "\"confirm\"", StringComparison.Ordinal);
        return JsonNode.Parse(text)!.AsObject();
    }
}
