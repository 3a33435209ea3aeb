using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Filings;

public sealed class ExistingRecordOrderTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Deregistering_a_website_filed_here_names_its_target()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();

        var created = await _app.Console().PostJsonAsync("/api/filings", new JsonObject
        {
            ["filingType"] = "deregister-website", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
            ["remark"] = "网站不再运营",
        }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("deregister-website", created["filingType"]!.GetValue<string>());
        var order = await _app.Console().GetAsync($"/api/filings/{created["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(number, order["subjectFilingNumber"]!.GetValue<string>());
        Assert.Equal([$"{number}-1"], order["websiteFilingNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Cancelling_access_to_a_website_accessed_only_elsewhere_is_refused()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here), (Orders.UniqueDomain(), "other-cloud"));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();

        var problem = await _app.Console().PostJsonAsync("/api/filings", new JsonObject
        {
            ["filingType"] = "cancel-access", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-2",
        }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["registry-not-here"], problem.ErrorCodes()["websiteFilingNumber"]);
    }

    [Fact]
    public async Task Deregistering_a_subject_needs_its_filing_password_and_an_existing_number()
    {
        var missingPassword = await _app.Console().PostJsonAsync("/api/filings", new JsonObject
        {
            ["filingType"] = "deregister-subject", ["subjectFilingNumber"] = Registry.NewSubjectNumber(),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var unknown = await _app.Console().PostJsonAsync("/api/filings", new JsonObject
        {
            ["filingType"] = "deregister-subject", ["subjectFilingNumber"] = Registry.NewSubjectNumber(), ["filingPassword"] = "Abc12345",
        }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("filingPassword", missingPassword.ErrorCodes().Keys);
        Assert.Equal(["registry-subject-unknown"], unknown.ErrorCodes()["subjectFilingNumber"]);
    }
}
