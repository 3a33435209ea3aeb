using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>An order that names the filed records it acts on by number shows them as the registry holds them.</summary>
public sealed class RegistryTargetPageTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_cancel_access_order_shows_the_website_number_and_the_filed_subject_on_the_order_and_task_pages()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, subject, (domain, Registry.Here));
        var subjectNumber = subject["subjectFilingNumber"]!.GetValue<string>();
        var websiteNumber = $"{subjectNumber}-1";
        var flow = await Flow.CreateAsync(_app, new JsonObject
        {
            ["filingType"] = "cancel-access", ["subjectFilingNumber"] = subjectNumber, ["websiteFilingNumber"] = websiteNumber,
        });
        await flow.SubmitAsync();
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await using var session = await Browser.SignedInAsync("reviewer");
        var page = session.Page;

        foreach (var (path, shot) in new[] { ($"/orders/{flow.Id}", "cancel-access-order"), ($"/tasks/{taskId}", "cancel-access-task") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=order-website-number]")).ToHaveTextAsync(websiteNumber);
            await Assertions.Expect(page.Locator("[data-testid=target-website-number]")).ToHaveTextAsync(websiteNumber);
            var filed = page.Locator("[data-testid=registry-subject]");
            await Assertions.Expect(filed.Locator("[data-testid=subject-name]")).ToHaveTextAsync(subject["name"]!.GetValue<string>());
            await Assertions.Expect(filed).ToContainTextAsync("企业");
            await Assertions.Expect(filed).ToContainTextAsync(subjectNumber);
            await Assertions.Expect(page.Locator("[data-testid=registry-website]")).ToContainTextAsync(domain);
            await Assertions.Expect(page.Locator("[data-testid=order-verification]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(shot);
        }
    }
}
