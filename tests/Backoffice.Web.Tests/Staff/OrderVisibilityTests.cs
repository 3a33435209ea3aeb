using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Staff;

/// <summary>
/// Reviewers and team leads see the orders their teams have or had tasks on; compliance, bureau liaison,
/// management and admins see every order. Any other order is 404 and never listed.
/// </summary>
public sealed class OrderVisibilityTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Reviewers_and_leads_see_an_order_once_their_team_has_a_task_on_it_and_keep_seeing_it()
    {
        var flow = await Flow.SubmittedAsync(_app);
        var number = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        var initial = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var verificationLead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "verification");

        await AssertSeesAsync(initial, flow, number, true);
        await AssertSeesAsync(verificationLead, flow, number, false);

        await flow.CompleteAsync("approve", initial);
        await flow.UploadCurtainPhotoAndSubmitAsync();
        Assert.Equal("verification", (await flow.OpenTaskAsync(verificationLead))["team"]!.GetValue<string>());

        await AssertSeesAsync(verificationLead, flow, number, true);
        await AssertSeesAsync(initial, flow, number, true);
    }

    [Fact]
    public async Task Compliance_liaison_management_and_admins_see_every_order_and_a_reviewer_without_teams_none()
    {
        var draft = await Flow.CreateAsync(_app, Orders.Enterprise());
        var number = (await draft.GetAsync())["orderNumber"]!.GetValue<string>();

        foreach (var user in new[] { "compliance", "liaison", "management", "admin" })
        {
            await AssertSeesAsync(user, draft, number, true);
        }

        await AssertSeesAsync("reviewer", draft, number, false);
        var outsider = await StaffPages.SignedInAsync(_app, "outsider");
        Assert.DoesNotContain("data-testid=\"orders-table\"", await outsider.GetStringAsync("/orders"), StringComparison.Ordinal);
        var list = await (await _app.SignedInAs("outsider")).GetAsync("/api/filings?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, list["total"]!.GetValue<long>());
    }

    /// <summary>The order page, its materials, order search and the filings API (its search too) agree: the order is there, or it does not exist.</summary>
    private async Task AssertSeesAsync(string username, Flow flow, string number, bool sees)
    {
        var pages = await StaffPages.SignedInAsync(_app, username);
        var api = await _app.SignedInAs(username);
        var materialId = (await flow.GetAsync())["materials"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).FirstOrDefault() ?? Guid.NewGuid().ToString();
        var expected = sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        Assert.Equal(expected, (await pages.GetAsync($"/orders/{flow.Id}")).StatusCode);
        Assert.Equal(expected, (await api.GetAsync(flow.Url)).StatusCode);
        if (!sees)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/orders/{flow.Id}?handler=material&materialId={materialId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{flow.Url}/materials/{materialId}")).StatusCode);
        }

        var search = await pages.GetStringAsync($"/orders?q={number}");
        Assert.Equal(sees, search.Contains($"href=\"/orders/{flow.Id}\"", StringComparison.Ordinal));
        var listed = await api.GetAsync($"/api/filings?q={number}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(sees, listed["items"]!.AsArray().Any(i => i!["id"]!.GetValue<string>() == flow.Id));
    }
}
