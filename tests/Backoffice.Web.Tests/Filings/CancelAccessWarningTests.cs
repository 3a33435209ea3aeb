using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Filings;

/// <summary>Cancelling access to a site no other provider accesses may cost its filing number: said at resolve, at creation and on the staff pages.</summary>
public sealed class CancelAccessWarningTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_warning_is_given_exactly_when_no_other_provider_accesses_the_site(bool otherProvider)
    {
        var body = Orders.Enterprise();
        var subject = Registry.SubjectOf(body, Registry.Here);
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var domain = Orders.UniqueDomain();
        var websites = new JsonArray(Row(number, domain, Registry.Here));
        if (otherProvider) websites.Add(Row(number, domain, "other-cloud"));
        await _app.Console().PostJsonAsync("/api/bureau-simulator/registry", new JsonObject { ["subjects"] = new JsonArray(subject), ["websites"] = websites })
            .ExpectAsync(HttpStatusCode.OK);
        string[] expected = otherProvider ? [] : ["sole-access-provider"];

        var resolved = await _app.Console().PostJsonAsync("/api/filing-types/resolve", new JsonObject
        {
            ["province"] = "440000", ["subjectNature"] = "enterprise", ["certificateType"] = "uscc",
            ["certificateNumber"] = subject["certificateNumber"]!.GetValue<string>(), ["domain"] = domain,
        }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-accessed-here", resolved["code"]!.GetValue<string>());
        Assert.Equal(expected, Codes(resolved["context"]!["warnings"]!));

        var created = await _app.Console().PostJsonAsync("/api/filings", new JsonObject
        {
            ["filingType"] = "cancel-access", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(expected, Codes(created["warnings"]!));
        if (!otherProvider)
        {
            Assert.Contains("管局可能注销备案号", created["warnings"]![0]!["message"]!.GetValue<string>());
        }

        var flow = new Flow(_app, created["id"]!.GetValue<string>());
        await flow.SubmitAsync();
        var task = await flow.OpenTaskAsync();
        using var reviewer = await _app.CookieSignedInAs("reviewer");
        foreach (var page in new[] { $"/orders/{flow.Id}", $"/tasks/{task["id"]!.GetValue<string>()}" })
        {
            var html = await reviewer.GetStringAsync(page);
            Assert.Equal(!otherProvider, html.Contains("该网站没有其他接入商，取消接入后管局可能注销备案号。", StringComparison.Ordinal));
            Assert.DoesNotContain(">sole-access-provider<", html);
        }
    }

    private static JsonObject Row(string number, string domain, string provider) => new()
    {
        ["subjectFilingNumber"] = number, ["domain"] = domain, ["websiteFilingNumber"] = $"{number}-1", ["provider"] = provider,
    };

    private static string[] Codes(JsonNode warnings) => [.. warnings.AsArray().Select(w => w!["code"]!.GetValue<string>())];
}
