using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>A website filing number is given once: never again after its website is deregistered, never to two websites.</summary>
public sealed class WebsiteNumberTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_site_added_after_deregistering_the_second_of_three_gets_the_fourth_number()
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, Registry.Here);
        var domains = new[] { Orders.UniqueDomain(), Orders.UniqueDomain(), Orders.UniqueDomain() };
        await Registry.InsertAsync(_app, subject, [.. domains.Select(d => (d, Registry.Here))]);
        var number = subject["subjectFilingNumber"]!.GetValue<string>();

        var deregister = await Flow.CreateAsync(_app, new JsonObject
        {
            ["filingType"] = "deregister-website", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-2", ["remark"] = "不再运营",
        });
        await deregister.SubmitAsync();
        await deregister.CompleteAsync("approve");
        await deregister.BureauAsync("approved");
        Assert.Equal("approved", await deregister.StatusAsync());

        var newDomain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        var add = await Flow.SubmittedAsync(_app, body);
        await add.ToBureauReviewAsync();
        await add.BureauAsync("approved");

        var order = await add.GetAsync();
        Assert.Equal("add-website-subject-here", order["filingType"]!.GetValue<string>());
        Assert.Equal([$"{number}-4"], order["websiteFilingNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        await using var db = await TestApp.OpenDatabaseAsync();
        var registry = (await db.QueryAsync<(string Domain, string Website)>(
            """
            select d.domain, d.website_filing_number from registry_domains d join registry_websites w using (website_filing_number)
            where w.subject_filing_number = @number order by d.website_filing_number
            """, new { number })).ToList();
        Assert.Equal([(domains[0], $"{number}-1"), (domains[2], $"{number}-3"), (newDomain, $"{number}-4")], registry);
    }

    [Fact]
    public async Task The_simulated_registry_refuses_a_deregistered_websites_number()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here), (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var deregister = await Flow.CreateAsync(_app, new JsonObject
        {
            ["filingType"] = "deregister-website", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-2", ["remark"] = "不再运营",
        });
        await deregister.SubmitAsync();
        await deregister.CompleteAsync("approve");
        await deregister.BureauAsync("approved");

        var reuse = new JsonObject
        {
            ["websites"] = new JsonArray(new JsonObject
            {
                ["subjectFilingNumber"] = number, ["domain"] = Orders.UniqueDomain(), ["websiteFilingNumber"] = $"{number}-2", ["provider"] = "other-cloud",
            }),
        };
        var problem = await _app.Console().PostJsonAsync("/api/bureau-simulator/registry", reuse).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["website-filing-number-issued"], problem.ErrorCodes()["websites[0].websiteFilingNumber"]);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*)::int from registry_websites where website_filing_number = @n", new { n = $"{number}-2" }));
    }

    [Fact]
    public async Task The_database_refuses_a_number_given_twice_or_withdrawn()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        await using var db = await TestApp.OpenDatabaseAsync();

        var twice = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(
            "insert into registry_website_numbers (website_filing_number, subject_filing_number, serial) values (@other, @number, 1)",
            new { other = $"{number}-01", number }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
        var unissued = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(
            "insert into registry_websites (website_filing_number, subject_filing_number) values (@website, @number)", new { website = $"{number}-9", number }));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, unissued.SqlState);
        var withdrawn = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(
            "delete from registry_website_numbers where subject_filing_number = @number", new { number }));
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, withdrawn.SqlState);
    }
}
