using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

public sealed class DomainVerdictPageTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_reviewer_sees_what_the_registrar_says_about_each_domain()
    {
        var body = Orders.Enterprise();
        var subject = body["subject"]!;
        var domain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        await _app.Console().PostJsonAsync("/api/domain-registry-simulator", new JsonObject
        {
            ["registrations"] = new JsonArray(new JsonObject
            {
                ["domain"] = domain, ["registrar"] = "阿里云", ["holderName"] = subject["name"]!.GetValue<string>(), ["certificateType"] = "uscc",
                ["certificateNumber"] = subject["certificateNumber"]!.GetValue<string>(), ["realNameVerified"] = true,
                ["expiresOn"] = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
        }).ExpectAsync(HttpStatusCode.OK);
        var flow = await Flow.SubmittedAsync(_app, body);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        await page.GotoAsync($"/tasks/{taskId}");

        var verdict = page.Locator("[data-testid=domain-verdicts] tr[data-domain]");
        await Assertions.Expect(verdict).ToHaveCountAsync(1);
        await Assertions.Expect(verdict.Locator("[data-testid=domain-verdict]")).ToHaveTextAsync("持有者与主体一致，已实名，有效期足够");
        await verdict.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("domain-verdict");
    }
}
