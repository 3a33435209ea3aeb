using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

public sealed class CreateFilingTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Valid_enterprise_order_is_created_as_a_draft_new_filing()
    {
        var body = Orders.Enterprise();
        var created = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("new-filing", created["filingType"]!.GetValue<string>());
        Assert.Equal("draft", created["status"]!.GetValue<string>());
        Assert.Matches("^BO[0-9]{14}$", created["orderNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_back_order_masks_id_numbers_and_phones_and_has_a_timeline()
    {
        var body = Orders.Individual();
        var id = (await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var order = await _app.Console().GetAsync($"/api/filings/{id}").ExpectAsync(HttpStatusCode.OK);

        var fullId = body["subject"]!["certificateNumber"]!.GetValue<string>();
        var shownId = order["subject"]!["certificateNumber"]!.GetValue<string>();
        Assert.NotEqual(fullId, shownId);
        Assert.Equal(fullId[..6], shownId[..6]);
        Assert.Contains("****", shownId);
        Assert.Equal("139****5678", order["subject"]!["principal"]!["mobile"]!.GetValue<string>());
        Assert.DoesNotContain(fullId, order.ToJsonString());
        var timeline = order["timeline"]!.AsArray();
        Assert.Single(timeline);
        Assert.Equal("draft", timeline[0]!["status"]!.GetValue<string>());
        Assert.Equal("console", timeline[0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_order_reports_every_error_by_path_and_stores_nothing()
    {
        var body = Orders.Enterprise();
        var certificate = body["subject"]!["certificateNumber"]!.GetValue<string>();
        body["subject"]!["certificateNumber"] = certificate[..17] + (certificate[17] == '0' ? "1" : "0");
        body["subject"]!["principal"]!["mobile"] = "12345";
        body["subject"]!["principal"]!["email"] = "not-an-email";
        body["websites"]![0]!["domains"] = new JsonArray("example.hk");
        body["websites"]![0]!["homepageUrls"] = new JsonArray("www.other.com");

        var problem = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        var errors = problem.ErrorCodes();
        Assert.Contains("subject.certificateNumber", errors.Keys);
        Assert.Contains("subject.principal.mobile", errors.Keys);
        Assert.Contains("subject.principal.email", errors.Keys);
        Assert.Contains("websites[0].domains[0]", errors.Keys);
        Assert.Contains("websites[0].homepageUrls[0]", errors.Keys);
        Assert.Equal(0, await CountOrdersAsync(body["subject"]!["certificateNumber"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Errors_are_in_Chinese_by_default_and_in_English_when_asked()
    {
        var body = Orders.Enterprise();
        body["subject"]!["principal"]!["mobile"] = "12345";

        var chinese = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);
        var english = await _app.Console().PostJsonAsync("/api/filings?lang=en", body).ExpectAsync(HttpStatusCode.BadRequest);

        var zh = chinese["errors"]!["subject.principal.mobile"]![0]!.GetValue<string>();
        var en = english["errors"]!["subject.principal.mobile"]![0]!.GetValue<string>();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en);
    }

    [Fact]
    public async Task Type_sent_by_the_client_is_checked_against_the_registry()
    {
        var body = Orders.Enterprise();
        body["filingType"] = "add-website-subject-here";

        var problem = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["filing-type-mismatch"], problem.ErrorCodes()["filingType"]);
    }

    [Fact]
    public async Task Second_order_for_a_subject_with_one_in_progress_is_refused()
    {
        var first = Orders.Enterprise();
        await _app.Console().PostJsonAsync("/api/filings", first).ExpectAsync(HttpStatusCode.Created);
        var second = Orders.Enterprise();
        second["subject"]!["certificateNumber"] = first["subject"]!["certificateNumber"]!.GetValue<string>();

        var problem = await _app.Console().PostJsonAsync("/api/filings", second).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("order-in-progress", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_order_for_a_domain_of_an_order_in_progress_is_refused_naming_that_order()
    {
        var domain = Orders.UniqueDomain();
        var first = await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise(domain)).ExpectAsync(HttpStatusCode.Created);

        var problem = await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise(domain)).ExpectAsync(HttpStatusCode.Conflict);
        var other = await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise()).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("order-in-progress", problem["code"]!.GetValue<string>());
        Assert.Equal(first["orderNumber"]!.GetValue<string>(), problem["context"]!["orderNumber"]!.GetValue<string>());
        Assert.Equal("draft", other["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_is_a_clean_400_and_wrong_types_name_the_field()
    {
        var malformed = await _app.Console().PostAsync("/api/filings", new StringContent("{\"subject\": {", Encoding.UTF8, "application/json"));
        var problem = await malformed.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("body", problem.ErrorCodes().Keys);

        var wrongType = await _app.Console().PostAsync("/api/filings", new StringContent("{\"websites\": \"abc\"}", Encoding.UTF8, "application/json"));
        var typed = await wrongType.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("websites", typed["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var body = Orders.Enterprise();
        body["websites"]![0]!["remark"] = new string('a', 300 * 1024);

        var response = await _app.Console().PostJsonAsync("/api/filings", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sixth_website_on_one_instance_ip_is_refused()
    {
        var ip = Orders.UniqueIp();
        for (var i = 0; i < 5; i++)
        {
            await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise(ip: ip)).ExpectAsync(HttpStatusCode.Created);
        }

        var body = Orders.Enterprise(ip: ip);
        var problem = await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["access-resource-quota"], problem.ErrorCodes()["websites[0].accessResource.value"]);
        Assert.Equal(0, await CountOrdersAsync(body["subject"]!["certificateNumber"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Authorization_code_is_single_use()
    {
        var code = "AUTH" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var first = Orders.Enterprise();
        first["websites"]![0]!["accessResource"] = new JsonObject { ["kind"] = "authorization-code", ["value"] = code };
        await _app.Console().PostJsonAsync("/api/filings", first).ExpectAsync(HttpStatusCode.Created);
        var second = Orders.Enterprise();
        second["websites"]![0]!["accessResource"] = new JsonObject { ["kind"] = "authorization-code", ["value"] = code };

        var problem = await _app.Console().PostJsonAsync("/api/filings", second).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["authorization-code-used"], problem.ErrorCodes()["websites[0].accessResource.value"]);
    }

    [Fact]
    public async Task Applicant_can_fix_a_draft_and_the_fix_is_kept()
    {
        var body = Orders.Enterprise();
        var id = (await _app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        body["websites"]![0]!["name"] = "测试科技新官网";

        var put = await _app.Console().PutAsJsonAsync($"/api/filings/{id}", body);
        await put.ExpectAsync(HttpStatusCode.OK);

        var order = await _app.Console().GetAsync($"/api/filings/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("测试科技新官网", order["websites"]![0]!["name"]!.GetValue<string>());
    }

    public static async Task<int> CountOrdersAsync(string certificateNumber)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>(
            "select count(*) from filing_orders where subject_certificate_number = @certificateNumber", new { certificateNumber });
    }
}
