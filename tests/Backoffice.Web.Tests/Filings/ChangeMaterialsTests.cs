using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Filings;

/// <summary>A subject change asks again only for what changed: the same principal needs no new ID images, an unchanged licence no new licence.</summary>
public sealed class ChangeMaterialsTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_new_principal_needs_ID_images_and_a_phone_and_address_change_needs_none()
    {
        var body = Orders.Enterprise();
        var filing = await Flow.SubmittedAsync(_app, body);
        await filing.ToBureauReviewAsync();
        await filing.BureauAsync("approved");
        var number = (await filing.GetAsync())["subjectFilingNumber"]!.GetValue<string>();

        var newPrincipal = body["subject"]!.DeepClone().AsObject();
        newPrincipal["principal"] = Orders.Principal("13700137000", "li@example.com");
        newPrincipal["principal"]!["name"] = "李四";
        var change = await Flow.CreateAsync(_app, Change(number, newPrincipal));
        var missing = await _app.Console().PostEmptyAsync($"{change.Url}/submit").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["materials.id-card-back", "materials.id-card-front"], missing.ErrorCodes().Keys.Order(StringComparer.Ordinal));

        var phoneAndAddress = body["subject"]!.DeepClone().AsObject();
        phoneAndAddress["principal"]!["mobile"] = "13900139000";
        phoneAndAddress["mailingAddress"] = "深圳市南山区科技园科苑路9号2201室";
        await _app.Console().PutAsync(change.Url, new StringContent(Change(number, phoneAndAddress).ToJsonString(), Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.OK);
        await change.SubmitAsync();

        Assert.Equal("initial-review", await change.StatusAsync());
    }

    private static JsonObject Change(string number, JsonObject subject) => new()
    {
        ["filingType"] = "change-subject", ["subjectFilingNumber"] = number, ["subject"] = subject,
    };
}
