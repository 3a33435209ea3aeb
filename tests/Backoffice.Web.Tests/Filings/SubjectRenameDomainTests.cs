using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Filings;

/// <summary>
/// A subject change that renames the subject asks the registrar about every domain filed on the subject's websites:
/// each must be held under the new name, real-name verified and registered beyond the bureau's review, or the change
/// is refused with the domain holder check's codes at subject.name and nothing is created. A change keeping the name
/// is not asked about its domains.
/// </summary>
public sealed class SubjectRenameDomainTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_rename_whose_filed_domains_are_held_under_the_old_name_or_expiring_is_refused_at_subject_name()
    {
        var body = Orders.Enterprise();
        var filed = Registry.SubjectOf(body, Registry.Here);
        var number = filed["subjectFilingNumber"]!.GetValue<string>();
        var (held, expiring) = (Orders.UniqueDomain(), Orders.UniqueDomain());
        await Registry.InsertAsync(_app, filed, (held, Registry.Here), (expiring, Registry.Here));
        var oldName = body["subject"]!["name"]!.GetValue<string>();
        var newName = "深圳市新名称科技有限公司";
        var certificate = body["subject"]!["certificateNumber"]!.GetValue<string>();
        var today = Today();
        await RegisterAsync(
            Registration(held, oldName, certificate, today.AddYears(1)),
            Registration(expiring, newName, certificate, today.AddDays(5)));

        var renamed = body["subject"]!.DeepClone().AsObject();
        renamed["name"] = newName;
        var problem = await _app.Console().PostJsonAsync("/api/filings", Change(number, renamed)).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["domain-expires-too-soon", "domain-holder-mismatch"], problem.ErrorCodes()["subject.name"].Order(StringComparer.Ordinal));
        Assert.Equal(0, await OrdersOfAsync(number));

        // The same change keeping the name is not asked about the domains.
        var kept = body["subject"]!.DeepClone().AsObject();
        kept["mailingAddress"] = "深圳市南山区科技园科苑路9号2201室";
        var keeping = await Flow.CreateAsync(_app, Change(number, kept));
        await _app.Console().PostEmptyAsync($"{keeping.Url}/withdraw").ExpectAsync(HttpStatusCode.OK);

        // Once the registrar holds both under the new name, renewed, the rename is accepted.
        await RegisterAsync(Registration(held, newName, certificate, today.AddYears(1)), Registration(expiring, newName, certificate, today.AddYears(1)));
        var accepted = await Flow.CreateAsync(_app, Change(number, renamed));
        Assert.Equal(newName, (await accepted.GetAsync())["subject"]!["name"]!.GetValue<string>());
    }

    private static JsonObject Change(string number, JsonObject subject) => new()
    {
        ["filingType"] = "change-subject", ["subjectFilingNumber"] = number, ["subject"] = subject.DeepClone(),
    };

    private static async Task<int> OrdersOfAsync(string subjectFilingNumber)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("select count(*) from filing_orders where subject_filing_number = @subjectFilingNumber", new { subjectFilingNumber });
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static JsonObject Registration(string domain, string holder, string certificateNumber, DateOnly expires) => new()
    {
        ["domain"] = domain, ["registrar"] = "阿里云", ["holderName"] = holder, ["certificateType"] = "uscc",
        ["certificateNumber"] = certificateNumber, ["realNameVerified"] = true, ["expiresOn"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private async Task RegisterAsync(params JsonObject[] registrations) =>
        await _app.Console().PostJsonAsync("/api/domain-registry-simulator", new JsonObject { ["registrations"] = new JsonArray(registrations) })
            .ExpectAsync(HttpStatusCode.OK);
}
