using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// The order page (every staff role opens it) shows people masked; the full ID numbers and phones are
/// revealed, with an audit row, only to the roles that review orders (reviewers, team leads, admins).
/// </summary>
public sealed class PersonalDataRevealTests
{
    private static readonly string[] MayReveal = ["admin", "lead", "reviewer", "outsider"];
    private static readonly string[] MayNotReveal = ["compliance", "liaison", "management"];

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_order_page_masks_people_and_reveals_them_audited_only_to_roles_that_review()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await using var db = await TestApp.OpenDatabaseAsync();
        var (orderNumber, mobile, idNumber) = await db.QuerySingleAsync<(string, string, string)>(
            "select order_number, body->'subject'->'principal'->>'mobile', body->'subject'->'principal'->>'certificateNumber' from filing_orders where id = @id",
            new { id = Guid.Parse(flow.Id) });
        var page = $"/orders/{flow.Id}";

        foreach (var caller in MayReveal.Concat(MayNotReveal))
        {
            using var client = await _app.CookieSignedInAs(caller);
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain(mobile, html, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber, html, StringComparison.Ordinal);
            Assert.Equal(MayReveal.Contains(caller), html.Contains("data-testid=\"reveal\"", StringComparison.Ordinal));

            using var reveal = await client.PostHandlerAsync(page, "reveal");
            if (MayReveal.Contains(caller))
            {
                var fields = (await reveal.ExpectAsync(HttpStatusCode.OK))["fields"]!;
                Assert.Equal(mobile, fields["subject.principal.mobile"]!.GetValue<string>());
                Assert.Equal(idNumber, fields["subject.principal.certificateNumber"]!.GetValue<string>());
            }
            else
            {
                var refusal = await reveal.ExpectAsync(HttpStatusCode.Forbidden);
                Assert.DoesNotContain(mobile, refusal.ToJsonString(), StringComparison.Ordinal);
            }
        }

        var audited = await db.QueryAsync<string>(
            "select actor from audit_log where action = 'personal-data-revealed' and entity_id = @orderNumber", new { orderNumber });
        Assert.Equal(MayReveal.Order(), audited.Order());
    }
}
