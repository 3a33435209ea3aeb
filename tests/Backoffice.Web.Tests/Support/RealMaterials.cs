using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Demo;

namespace Backoffice.Web.Tests.Support;

/// <summary>Orders whose materials are real images drawn with their own data, as the demo orders have.</summary>
public static class RealMaterials
{
    public static readonly (string Kind, int? Website)[] Kinds =
        [("business-license", null), ("id-card-front", null), ("id-card-back", null), ("verification-form", 0)];

    /// <summary>An enterprise order with the four materials drawn from its data, submitted; its body for later edits.</summary>
    public static async Task<(Flow Flow, JsonObject Body)> SubmittedAsync(TestApp app)
    {
        var body = Orders.Enterprise();
        var flow = await Flow.CreateAsync(app, body);
        foreach (var (kind, website) in Kinds)
        {
            await UploadAsync(app, flow, body, kind, website);
        }

        await flow.SubmitAsync();
        return (flow, body);
    }

    public static async Task UploadAsync(TestApp app, Flow flow, JsonObject body, string kind, int? website) =>
        await app.Console().UploadAsync(flow.Url, kind, MaterialImages.Draw(kind, FactsOf(body))!, $"{kind}.jpg", website)
            .ExpectAsync(HttpStatusCode.Created);

    /// <summary>The applicant corrects the order (the whole body, as the console sends it) and submits it again.</summary>
    public static async Task ResubmitAsync(TestApp app, Flow flow, JsonObject body)
    {
        await app.Console().PutAsJsonAsync(flow.Url, body).ExpectAsync(HttpStatusCode.OK);
        await flow.SubmitAsync();
    }

    private static MaterialImages.Facts FactsOf(JsonObject body)
    {
        var subject = body["subject"]!;
        var site = body["websites"]![0]!;
        return new MaterialImages.Facts(
            subject["name"]!.GetValue<string>(), subject["certificateNumber"]!.GetValue<string>(), subject["certificateAddress"]!.GetValue<string>(),
            subject["principal"]!["name"]!.GetValue<string>(), subject["principal"]!["certificateNumber"]!.GetValue<string>(),
            site["name"]!.GetValue<string>(), site["domains"]![0]!.GetValue<string>());
    }
}
