using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

/// <summary>The test-mode registry insert stands in for other providers' filings: it never rewrites this provider's own subjects.</summary>
public sealed class SimulatedRegistryTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_row_handing_one_of_this_providers_subjects_to_another_is_refused_and_changes_nothing()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        var taken = subject.DeepClone().AsObject();
        taken["provider"] = "other-cloud";
        taken["name"] = "深圳市另一科技有限公司";

        var problem = await _app.Console().PostJsonAsync("/api/bureau-simulator/registry", new JsonObject { ["subjects"] = new JsonArray(taken) })
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["registry-own-record"], problem.ErrorCodes()["subjects[0].provider"]);
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal((Registry.Here, "深圳市测试科技有限公司"), await db.QuerySingleAsync<(string, string)>(
            "select provider, name from registry_subjects where subject_filing_number = @n", new { n = subject["subjectFilingNumber"]!.GetValue<string>() }));
        var other = Registry.SubjectOf(Orders.Enterprise(), "other-cloud");
        await Registry.InsertAsync(_app, other, (Orders.UniqueDomain(), "other-cloud"));
        var moved = other.DeepClone().AsObject();
        moved["provider"] = "third-cloud";
        await _app.Console().PostJsonAsync("/api/bureau-simulator/registry", new JsonObject { ["subjects"] = new JsonArray(moved) }).ExpectAsync(HttpStatusCode.OK);
    }
}
