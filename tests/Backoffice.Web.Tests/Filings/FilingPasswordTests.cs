using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

/// <summary>Access filings need the subject's filing password (备案密码), kept only as a hash and never shown.</summary>
public sealed class FilingPasswordTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData(Registry.Here)]
    [InlineData("other-cloud")]
    public async Task An_access_filing_needs_the_password_and_keeps_only_its_hash(string subjectProvider)
    {
        var body = Orders.Enterprise();
        var domain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        await Registry.InsertAsync(_app, Registry.SubjectOf(body, subjectProvider), (domain, "other-cloud"));

        var refused = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["required"], refused.ErrorCodes()["filingPassword"]);

        const string Password = "Secret-4711";
        body["filingPassword"] = Password;
        var flow = await Flow.SubmittedAsync(_app, body);
        await flow.ToBureauReviewAsync();

        var read = await flow.GetAsync();
        Assert.True(read["filingPasswordSet"]!.GetValue<bool>());
        Assert.DoesNotContain(Password, read.ToJsonString());
        await using var db = await TestApp.OpenDatabaseAsync();
        var (stored, hash) = await db.QuerySingleAsync<(string, string)>(
            "select body::text, filing_password_hash from filing_orders where id = @id", new { id = Guid.Parse(flow.Id) });
        Assert.DoesNotContain(Password, stored);
        Assert.StartsWith("pbkdf2-sha256$100000$", hash);
        Assert.DoesNotContain(Password, hash);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>(
            "select count(*)::int from audit_log where details::text like @pattern", new { pattern = $"%{Password}%" }));
        Assert.Equal(1, await SideEffects.BureauSubmissionsSentAsync(flow.Id, expected: 1));
    }

    [Fact]
    public async Task A_new_filing_stores_no_password_it_was_sent()
    {
        var body = Orders.Enterprise();
        body["filingPassword"] = "Unneeded-1";
        var flow = await Flow.CreateAsync(_app, body);

        await using var db = await TestApp.OpenDatabaseAsync();
        var (stored, hash) = await db.QuerySingleAsync<(string, string?)>(
            "select body::text, filing_password_hash from filing_orders where id = @id", new { id = Guid.Parse(flow.Id) });
        Assert.DoesNotContain("Unneeded-1", stored);
        Assert.Null(hash);
        Assert.False((await flow.GetAsync())["filingPasswordSet"]!.GetValue<bool>());
    }
}
