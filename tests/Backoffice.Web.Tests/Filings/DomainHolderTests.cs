using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Filings;

/// <summary>
/// The registrar's word on a domain (域名实名, 持有者与主体一致, 有效期): the holder is the subject (the
/// person for a personal filing, the organisation otherwise), real-name verified, registered beyond the
/// bureau's review. Reviewers see the verdict on the order page.
/// </summary>
public sealed class DomainHolderTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_domain_held_by_someone_else_not_real_name_or_expiring_is_a_field_error()
    {
        var body = Orders.Enterprise();
        var subject = body["subject"]!;
        var domains = new[] { Orders.UniqueDomain(), Orders.UniqueDomain(), Orders.UniqueDomain() };
        var today = Today();
        await RegisterAsync(
            Registration(domains[0], "深圳市别人科技有限公司", "uscc", Orders.UniqueUscc(), true, today.AddYears(1)),
            Registration(domains[1], subject["name"]!.GetValue<string>(), "uscc", subject["certificateNumber"]!.GetValue<string>(), false, today.AddYears(1)),
            Registration(domains[2], subject["name"]!.GetValue<string>(), "uscc", subject["certificateNumber"]!.GetValue<string>(), true, today.AddDays(10)));
        body["websites"]![0]!["domains"] = new JsonArray([.. domains.Select(d => (JsonNode)d)]);
        body["websites"]![0]!["homepageUrls"] = new JsonArray($"www.{domains[0]}");

        var problem = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        var codes = problem.ErrorCodes();
        Assert.Equal(["domain-holder-mismatch"], codes["websites[0].domains[0]"]);
        Assert.Equal(["domain-not-real-name"], codes["websites[0].domains[1]"]);
        Assert.Equal(["domain-expires-too-soon"], codes["websites[0].domains[2]"]);
    }

    [Fact]
    public async Task A_personal_filing_of_a_domain_the_person_holds_is_accepted_and_the_reviewer_sees_the_verdict()
    {
        var body = Orders.Individual();
        var subject = body["subject"]!;
        var domain = body["websites"]![0]!["domains"]![0]!.GetValue<string>();
        await RegisterAsync(Registration(domain, subject["name"]!.GetValue<string>(), "resident-id",
            subject["certificateNumber"]!.GetValue<string>(), true, Today().AddYears(1)));

        var flow = await Flow.CreateAsync(_app, body);
        await flow.UploadAsync(("id-card-front", null), ("id-card-back", null), ("verification-form", 0));
        await flow.SubmitAsync();

        using var reviewer = await _app.CookieSignedInAs("reviewer");
        var html = await reviewer.GetStringAsync($"/orders/{flow.Id}");
        Assert.Contains("持有者与主体一致，已实名，有效期足够", html);
        Assert.Contains("阿里云", html);
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static JsonObject Registration(string domain, string holder, string certificateType, string certificateNumber, bool realName, DateOnly expires) => new()
    {
        ["domain"] = domain, ["registrar"] = "阿里云", ["holderName"] = holder, ["certificateType"] = certificateType,
        ["certificateNumber"] = certificateNumber, ["realNameVerified"] = realName, ["expiresOn"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private async Task RegisterAsync(params JsonObject[] registrations) =>
        await _app.Console().PostJsonAsync("/api/domain-registry-simulator", new JsonObject { ["registrations"] = new JsonArray(registrations) })
            .ExpectAsync(HttpStatusCode.OK);
}
