using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class OtherFilingTypeFlowTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData(Registry.Here, "add-website-subject-here")]
    [InlineData("other-cloud", "add-website-subject-elsewhere")]
    public async Task Adding_a_website_to_a_filed_subject_gets_the_next_website_number(string provider, string type)
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, provider);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), provider));
        var flow = await Flow.SubmittedAsync(_app, body);

        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");

        var order = await flow.GetAsync();
        Assert.Equal(type, order["filingType"]!.GetValue<string>());
        Assert.Equal("approved", order["status"]!.GetValue<string>());
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        Assert.Equal([$"{number}-2"], order["websiteFilingNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData(Registry.Here, "access-subject-here")]
    [InlineData("other-cloud", "access-subject-elsewhere")]
    public async Task Access_filing_adds_this_provider_to_the_existing_website(string subjectProvider, string type)
    {
        var body = Orders.Enterprise();
        var domain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        var subject = Registry.SubjectOf(body, subjectProvider);
        await Registry.InsertAsync(_app, subject, (domain, "other-cloud"));
        body["filingPassword"] = "Abc12345";
        var flow = await Flow.SubmittedAsync(_app, body);

        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");

        var order = await flow.GetAsync();
        Assert.Equal(type, order["filingType"]!.GetValue<string>());
        var websiteNumber = $"{subject["subjectFilingNumber"]!.GetValue<string>()}-1";
        Assert.Equal([websiteNumber], order["websiteFilingNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        await using var db = await TestApp.OpenDatabaseAsync();
        var providers = (await db.QueryAsync<string>(
            "select provider from registry_accesses where website_filing_number = @websiteNumber order by provider", new { websiteNumber })).ToList();
        Assert.Equal([Registry.Here, "other-cloud"], providers);
    }

    [Theory]
    [InlineData("deregister-website")]
    [InlineData("cancel-access")]
    [InlineData("deregister-subject")]
    public async Task Orders_on_existing_records_are_reviewed_sent_to_the_bureau_and_applied(string type)
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, subject, (domain, Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var body = new JsonObject { ["filingType"] = type, ["subjectFilingNumber"] = number, ["remark"] = "不再运营" };
        if (type == "deregister-subject") body["filingPassword"] = "Abc12345";
        else body["websiteFilingNumber"] = $"{number}-1";
        var flow = await Flow.CreateAsync(_app, body);

        await flow.SubmitAsync();
        Assert.Equal("initial-review", await flow.StatusAsync());
        await flow.CompleteAsync("approve");
        Assert.Equal("bureau-review", await flow.StatusAsync());
        await flow.BureauAsync("approved");

        Assert.Equal("approved", await flow.StatusAsync());
        await using var db = await TestApp.OpenDatabaseAsync();
        var accessedHere = await db.ExecuteScalarAsync<int>(
            "select count(*) from registry_domains d join registry_accesses a using (website_filing_number) where d.domain = @domain and a.provider = @here",
            new { domain, here = Registry.Here });
        Assert.Equal(0, accessedHere);
    }

    [Fact]
    public async Task Changing_a_website_replaces_its_domains_in_the_registry()
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var newDomain = Orders.UniqueDomain();
        var change = new JsonObject
        {
            ["filingType"] = "change-website", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
            ["subject"] = body["subject"]!.DeepClone(), ["websites"] = new JsonArray(Orders.Website(newDomain, Orders.UniqueIp())),
        };
        var flow = await Flow.CreateAsync(_app, change);
        await flow.UploadAsync(("verification-form", 0));
        await flow.SubmitAsync();
        await flow.CompleteAsync("approve");
        await flow.BureauAsync("approved");

        Assert.Equal("approved", await flow.StatusAsync());
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal($"{number}-1", await db.ExecuteScalarAsync<string>("select website_filing_number from registry_domains where domain = @newDomain", new { newDomain }));
    }

    [Fact]
    public async Task Changing_the_subject_renames_it_in_the_registry()
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        body["subject"]!["name"] = "深圳市测试新科技有限公司";
        var change = new JsonObject
        {
            ["filingType"] = "change-subject", ["subjectFilingNumber"] = subject["subjectFilingNumber"]!.GetValue<string>(),
            ["subject"] = body["subject"]!.DeepClone(),
        };
        var flow = await Flow.CreateAsync(_app, change);
        await flow.UploadAsync(("business-license", null), ("id-card-front", null), ("id-card-back", null));
        await flow.SubmitAsync();
        await flow.CompleteAsync("approve");
        await flow.BureauAsync("approved");

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal("深圳市测试新科技有限公司", await db.ExecuteScalarAsync<string>(
            "select name from registry_subjects where subject_filing_number = @n", new { n = subject["subjectFilingNumber"]!.GetValue<string>() }));
    }
}
