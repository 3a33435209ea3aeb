using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Operations;

public sealed class OperationsTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Health_endpoint_answers_200_without_a_token()
    {
        var response = await _app.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Quartz_keeps_the_working_day_calendar_and_the_sla_sweep_uses_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync("/healthz")).StatusCode);
        await using var db = await TestApp.OpenDatabaseAsync();

        var calendar = await db.ExecuteScalarAsync<byte[]>("select calendar from qrtz_calendars where calendar_name = 'working-days'");
        var triggerCalendar = await db.ExecuteScalarAsync<string>("select calendar_name from qrtz_triggers where trigger_name = 'sla-sweep'");

        Assert.Contains("2026-02-14", System.Text.Encoding.UTF8.GetString(calendar!));
        Assert.Equal("working-days", triggerCalendar);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_filing_endpoints()
    {
        var document = await _app.Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/filings", paths);
        Assert.Contains("/api/filings/{id}/submit", paths);
        Assert.Contains("/api/filing-types/resolve", paths);
        Assert.Contains("/api/tokens", paths);
    }

    [Fact]
    public async Task Reason_code_catalogue_is_labelled_in_the_request_language()
    {
        var zh = await _app.Console().GetAsync("/api/reason-codes").ExpectAsync(HttpStatusCode.OK);
        var en = await _app.Console().GetAsync("/api/reason-codes?lang=en").ExpectAsync(HttpStatusCode.OK);

        Assert.True(zh.AsArray().Count >= 18);
        Assert.Equal("域名持有者与主体不一致", zh.AsArray().First(r => r!["code"]!.GetValue<string>() == "domain-holder-mismatch")!["label"]!.GetValue<string>());
        Assert.StartsWith("Domain holder", en.AsArray().First(r => r!["code"]!.GetValue<string>() == "domain-holder-mismatch")!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Test_mode_endpoints_and_the_test_console_key_do_not_exist_without_test_mode()
    {
        using var production = new TestApp(testMode: false);
        var admin = await production.SignedInAs("admin");

        var advance = await admin.PostJsonAsync("/api/test-clock/advance", new JsonObject { ["hours"] = 1 });
        var registry = await admin.PostJsonAsync("/api/bureau-simulator/registry", new JsonObject());
        var console = await production.Console().GetAsync("/api/reason-codes");

        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, registry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, console.StatusCode);
    }

    [Fact]
    public async Task Filings_list_filters_by_status_and_refuses_unknown_filters()
    {
        var created = await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise()).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await _app.Console().PostEmptyAsync($"/api/filings/{id}/withdraw").ExpectAsync(HttpStatusCode.OK);

        var page = await _app.Console().GetAsync("/api/filings?status=withdrawn&province=440000&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var bad = await _app.Console().GetAsync("/api/filings?status=lost&filingType=x").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("withdrawn", i!["status"]!.GetValue<string>()));
        Assert.True(page["total"]!.GetValue<long>() >= 1);
        Assert.Contains(page["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        Assert.Equal(new[] { "filingType", "status" }, bad.ErrorCodes().Keys.Order());
    }
}
