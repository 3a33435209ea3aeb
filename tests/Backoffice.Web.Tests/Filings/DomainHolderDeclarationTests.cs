using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Filings;

/// <summary>
/// The console declares each domain's holder (websites[i].domainHolders: name, certificate, registrar, expiry).
/// A personal filing's holder is the applicant, an organisation's the organisation; a mismatch or an expiry within
/// the bureau's review is a field error at the domain. The holder's ID number is masked wherever the order is read.
/// </summary>
public sealed class DomainHolderDeclarationTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_declared_holder_other_than_the_subject_or_expiring_in_the_review_is_a_field_error_at_the_domain()
    {
        var organisation = Orders.Enterprise();
        var subject = organisation["subject"]!;
        Declare(organisation, Holder(Domain(organisation), subject["principal"]!["name"]!.GetValue<string>(), "resident-id", Orders.UniqueResidentId(), Today().AddYears(2)));
        var person = Orders.Individual();
        Declare(person, Holder(Domain(person), person["subject"]!["name"]!.GetValue<string>(), "resident-id",
            person["subject"]!["certificateNumber"]!.GetValue<string>(), Today().AddDays(7)));

        var mismatch = await _app.Console().PostJsonAsync("/api/filings", organisation).ExpectAsync(HttpStatusCode.BadRequest);
        var expiring = await _app.Console().PostJsonAsync("/api/filings", person).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["domain-holder-mismatch"], mismatch.ErrorCodes()["websites[0].domains[0]"]);
        Assert.Equal(["domain-expires-too-soon"], expiring.ErrorCodes()["websites[0].domains[0]"]);
    }

    [Fact]
    public async Task A_declaration_that_cannot_be_read_names_each_field()
    {
        var body = Orders.Enterprise();
        var holder = Holder(Orders.UniqueDomain(), "", "driving-licence", "91440300MA5ABCDE1X", Today().AddYears(1));
        holder["expiresOn"] = "2030/01/01";
        holder.Remove("registrar");
        Declare(body, holder);

        var problem = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        var codes = problem.ErrorCodes();
        Assert.Equal(["domain-holder-domain-unknown"], codes["websites[0].domainHolders[0].domain"]);
        Assert.Equal(["required"], codes["websites[0].domainHolders[0].name"]);
        Assert.Equal(["invalid-choice"], codes["websites[0].domainHolders[0].certificateType"]);
        Assert.Equal(["required"], codes["websites[0].domainHolders[0].registrar"]);
        Assert.Equal(["date-format"], codes["websites[0].domainHolders[0].expiresOn"]);
    }

    [Fact]
    public async Task A_person_holding_the_domain_files_it_the_number_is_masked_and_the_reviewer_sees_the_declaration()
    {
        var body = Orders.Individual();
        var subject = body["subject"]!;
        var idNumber = subject["certificateNumber"]!.GetValue<string>();
        Declare(body, Holder(Domain(body), subject["name"]!.GetValue<string>(), "resident-id", idNumber, Today().AddYears(1)));

        var flow = await Flow.CreateAsync(_app, body);

        var holder = (await flow.GetAsync())["websites"]![0]!["domainHolders"]![0]!;
        Assert.Equal("新网", holder["registrar"]!.GetValue<string>());
        Assert.DoesNotContain(idNumber, holder["certificateNumber"]!.GetValue<string>());
        Assert.EndsWith(idNumber[^4..], holder["certificateNumber"]!.GetValue<string>());
        await flow.UploadAsync(("id-card-front", null), ("id-card-back", null), ("verification-form", 0));
        await flow.SubmitAsync();
        using var reviewer = await _app.CookieSignedInAs("reviewer");
        var html = await reviewer.GetStringAsync($"/orders/{flow.Id}");
        Assert.Contains("申请人填报的持有者与主体一致", html);
        Assert.DoesNotContain(idNumber, html);
    }

    [Theory]
    [InlineData("add-website-subject-here")]
    [InlineData("access-subject-elsewhere")]
    [InlineData("change-website")]
    public async Task Every_order_carrying_websites_compares_the_declared_holder_with_the_filed_subject(string type)
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, type == "access-subject-elsewhere" ? "other-cloud" : Registry.Here);
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        await Registry.InsertAsync(_app, subject, (type.StartsWith("access", StringComparison.Ordinal) ? Domain(body) : Orders.UniqueDomain(), subject["provider"]!.GetValue<string>()));
        if (type == "change-website")
        {
            body = new JsonObject
            {
                ["filingType"] = type, ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
                ["subject"] = body["subject"]!.DeepClone(), ["websites"] = new JsonArray(Orders.Website(Orders.UniqueDomain(), Orders.UniqueIp())),
            };
        }
        else if (type.StartsWith("access", StringComparison.Ordinal))
        {
            body["filingPassword"] = "Abc12345";
        }

        var organisation = body["subject"]!;
        Declare(body, Holder(Domain(body), organisation["principal"]!["name"]!.GetValue<string>(), "resident-id", Orders.UniqueResidentId(), Today().AddYears(2)));
        var mismatch = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["domain-holder-mismatch"], mismatch.ErrorCodes()["websites[0].domains[0]"]);

        Declare(body, Holder(Domain(body), organisation["name"]!.GetValue<string>(), "uscc", organisation["certificateNumber"]!.GetValue<string>(), Today().AddYears(2)));
        var created = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(type, created["filingType"]!.GetValue<string>());

        Declare(body, Holder(Domain(body), organisation["name"]!.GetValue<string>(), "uscc", organisation["certificateNumber"]!.GetValue<string>(), Today().AddDays(7)));
        var expiring = await _app.Console().PutAsJsonAsync($"/api/filings/{created["id"]}", body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["domain-expires-too-soon"], expiring.ErrorCodes()["websites[0].domains[0]"]);
    }

    private static string Domain(JsonObject body) => body["websites"]![0]!["domains"]![0]!.GetValue<string>();

    private static void Declare(JsonObject body, JsonObject holder) =>
        body["websites"]![0]!["domainHolders"] = new JsonArray(holder);

    private static JsonObject Holder(string domain, string name, string certificateType, string certificateNumber, DateOnly expires) => new()
    {
        ["domain"] = domain, ["name"] = name, ["certificateType"] = certificateType, ["certificateNumber"] = certificateNumber,
        ["registrar"] = "新网", ["expiresOn"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
}
