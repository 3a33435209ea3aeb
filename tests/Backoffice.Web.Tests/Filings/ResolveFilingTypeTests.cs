using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Filings;

public sealed class ResolveFilingTypeTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Subject_and_domain_filed_nowhere_is_a_new_filing()
    {
        var order = Orders.Enterprise();

        var result = await ResolveAsync(order, Orders.UniqueDomain()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("new-filing", result["filingType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(result["reason"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(Registry.Here, "add-website-subject-here")]
    [InlineData("other-cloud", "add-website-subject-elsewhere")]
    public async Task Filed_subject_with_a_new_domain_adds_a_website(string provider, string expected)
    {
        var order = Orders.Enterprise();
        var subject = Registry.SubjectOf(order, provider);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), provider));

        var result = await ResolveAsync(order, Orders.UniqueDomain()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(expected, result["filingType"]!.GetValue<string>());
        Assert.Equal(subject["subjectFilingNumber"]!.GetValue<string>(), result["subjectFilingNumber"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Registry.Here, "access-subject-here")]
    [InlineData("other-cloud", "access-subject-elsewhere")]
    public async Task Domain_filed_under_the_same_subject_and_accessed_elsewhere_is_an_access_filing(string subjectProvider, string expected)
    {
        var order = Orders.Enterprise();
        var subject = Registry.SubjectOf(order, subjectProvider);
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, subject, (domain, "other-cloud"));

        var result = await ResolveAsync(order, domain).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(expected, result["filingType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Domain_filed_under_another_subject_is_refused_with_409()
    {
        var owner = Orders.Enterprise();
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, Registry.SubjectOf(owner, "other-cloud"), (domain, "other-cloud"));

        var problem = await ResolveAsync(Orders.Enterprise(), domain).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("domain-filed-under-another-subject", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Domain_already_accessed_here_needs_no_filing()
    {
        var order = Orders.Enterprise();
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, Registry.SubjectOf(order, Registry.Here), (domain, Registry.Here));

        var problem = await ResolveAsync(order, domain).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("already-accessed-here", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_an_order_for_a_domain_of_another_subject_is_refused_and_stores_nothing()
    {
        var domain = Orders.UniqueDomain();
        await Registry.InsertAsync(_app, Registry.SubjectOf(Orders.Enterprise(), "other-cloud"), (domain, "other-cloud"));
        var order = Orders.Enterprise(domain);

        var problem = await _app.Console().PostJsonAsync("/api/filings", order).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("domain-filed-under-another-subject", problem["code"]!.GetValue<string>());
        Assert.Equal(0, await CreateFilingTests.CountOrdersAsync(order["subject"]!["certificateNumber"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_resolve_input_lists_every_field()
    {
        var body = new JsonObject
        {
            ["province"] = "999999", ["subjectNature"] = "pirate", ["certificateType"] = "uscc",
            ["certificateNumber"] = "123", ["domain"] = "bad_domain",
        };

        var problem = await _app.Console().PostJsonAsync("/api/filing-types/resolve", body).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "province", "subjectNature", "certificateNumber", "domain" }, problem.ErrorCodes().Keys.ToHashSet());
    }

    private Task<HttpResponseMessage> ResolveAsync(JsonObject order, string domain) =>
        _app.Console().PostJsonAsync("/api/filing-types/resolve", new JsonObject
        {
            ["province"] = order["subject"]!["province"]!.GetValue<string>(),
            ["subjectNature"] = order["subject"]!["nature"]!.GetValue<string>(),
            ["certificateType"] = order["subject"]!["certificateType"]!.GetValue<string>(),
            ["certificateNumber"] = order["subject"]!["certificateNumber"]!.GetValue<string>(),
            ["domain"] = domain,
        });
}
