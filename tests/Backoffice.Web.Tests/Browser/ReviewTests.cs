using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class ReviewTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Reviewer_claims_in_the_inbox_and_approves_so_the_order_moves_to_verification()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/inbox?tab=team&order={orderNumber}");
        var row = page.Locator("[data-testid=task-row]");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("未领取", await row.Locator("[data-testid=holder]").TextContentAsync());
        await row.Locator("[data-testid=claim]").ClickAsync();
        await page.Locator("[data-testid=toast]").GetByText("已领取").WaitForAsync();
        await Assertions.Expect(row.Locator("[data-testid=holder]")).ToHaveTextAsync("审核员甲");
        await page.ScreenshotAsync("inbox");

        await row.Locator("a").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=complete]");
        Assert.Contains("核对主体", await page.TextContentAsync("[data-testid=task-step]"));
        Assert.DoesNotContain("138001380", await page.ContentAsync());
        await page.ScreenshotAsync("task");

        await page.ClickAsync("[data-testid=reveal]");
        await Assertions.Expect(page.Locator("[data-testid=masked-id]").First).Not.ToContainTextAsync("*");
        await using (var connection = await TestApp.OpenDatabaseAsync())
        {
            Assert.Equal("reviewer", await connection.ExecuteScalarAsync<string>(
                "select actor from audit_log where action = 'personal-data-revealed' and entity_id = @orderNumber", new { orderNumber }));
        }

        await page.CheckAsync("[data-testid=outcome-approve]");
        await page.FillAsync("[data-testid=comment]", "材料齐全，初审通过");
        await page.ClickAsync("[data-testid=complete]");
        await page.WaitForURLAsync("**/inbox");

        Assert.Equal("verification", await flow.StatusAsync());
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_then_goes_back_to_the_applicant_with_it()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/tasks/{taskId}");
        await page.ClickAsync("[data-testid=claim]");
        await page.WaitForSelectorAsync("[data-testid=complete]");
        await page.CheckAsync("[data-testid=outcome-return]");
        await page.FillAsync("[data-testid=comment]", "请上传清晰的营业执照");
        await page.ClickAsync("[data-testid=complete]");
        await Assertions.Expect(page.Locator("[data-error=reasonCodes]")).ToHaveTextAsync("退回须选择至少一个原因");
        Assert.Equal("initial-review", await flow.StatusAsync());

        await page.CheckAsync("[data-testid=reason-certificate-unclear]");
        await page.ClickAsync("[data-testid=complete]");
        await page.WaitForURLAsync("**/inbox");

        var order = await flow.GetAsync();
        Assert.Equal("returned", order["status"]!.GetValue<string>());
        Assert.Contains(order["timeline"]!.AsArray(), e => e!["note"]?.GetValue<string>()?.Contains("certificate-unclear: 请上传清晰的营业执照", StringComparison.Ordinal) == true);

        await page.GotoAsync($"/tasks/{taskId}");
        Assert.Contains("证件图片不清晰或不完整", await page.TextContentAsync("[data-testid=returns]"));
    }

    [Fact]
    public async Task A_reviewer_outside_the_team_is_denied_its_task()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("outsider");
        var page = session.Page;

        var response = await page.GotoAsync($"/tasks/{taskId}");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        Assert.Equal("无权访问", await page.TextContentAsync("[data-testid=access-denied]"));
        await page.GotoAsync("/inbox?tab=team");
        Assert.Equal("0", await page.TextContentAsync("[data-testid=count-team]"));

        Assert.Null((await flow.OpenTaskAsync())["assignee"]?.GetValue<string>());
    }
}
