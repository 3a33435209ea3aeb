using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class VersionPinningTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Running_order_finishes_on_its_version_while_a_new_order_takes_the_new_one()
    {
        var compliance = await _app.SignedInAs("compliance");
        var list = await compliance.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        var published = list.AsArray().First(d => d!["id"]!.GetValue<string>() == "deregister-website")!["publishedVersion"]!.GetValue<int>();
        var original = await compliance.GetAsync($"/api/workflow-definitions/deregister-website/versions/{published}").ExpectAsync(HttpStatusCode.OK);
        var before = await StartDeregistrationAsync();
        try
        {
            await PublishAsync(compliance, WithLegalCheck(original.AsObject()));
            var after = await StartDeregistrationAsync();

            Assert.Equal("审核：确认注销的网站", (await before.OpenTaskAsync())["step"]!.GetValue<string>());
            await before.CompleteAsync("approve");
            Assert.Equal("bureau-review", await before.StatusAsync());

            await after.CompleteAsync("approve");
            Assert.Equal("法务复核", (await after.OpenTaskAsync())["step"]!.GetValue<string>());
            await after.CompleteAsync("approve");
            Assert.Equal("bureau-review", await after.StatusAsync());
        }
        finally
        {
            await PublishAsync(compliance, original.AsObject());
        }
    }

    private static JsonObject WithLegalCheck(JsonObject definition)
    {
        var copy = definition.DeepClone().AsObject();
        copy["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "legal-check", ["type"] = "human-task", ["name"] = "法务复核",
            ["properties"] = new JsonObject
            {
                ["team"] = "second-review", ["title"] = "法务复核", ["sla"] = new JsonObject { ["amount"] = 1, ["unit"] = "working-days" },
                ["outcomes"] = new JsonArray("approve", "return"),
            },
        });
        var connections = copy["connections"]!.AsArray();
        var toSubmit = connections.First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!;
        toSubmit["target"] = "legal-check";
        connections.Add(new JsonObject { ["source"] = "legal-check", ["outcome"] = "approve", ["target"] = "submit" });
        connections.Add(new JsonObject { ["source"] = "legal-check", ["outcome"] = "return", ["target"] = "notify-returned" });
        return copy;
    }

    private static async Task PublishAsync(HttpClient compliance, JsonObject definition)
    {
        await compliance.PutAsync("/api/workflow-definitions/deregister-website/draft",
            new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.OK);
        await compliance.PostEmptyAsync("/api/workflow-definitions/deregister-website/publish").ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<Flow> StartDeregistrationAsync()
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var flow = await Flow.CreateAsync(_app, new JsonObject
        {
            ["filingType"] = "deregister-website", ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
        });
        await flow.SubmitAsync();
        return flow;
    }
}
