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
        await app.Console().UploadAsync(flow.Url, kind, MaterialImages.Draw(kind, TryFactsOf(body)!)!, $"{kind}.jpg", website)
            .ExpectAsync(HttpStatusCode.Created);

    /// <summary>The image of a material kind drawn from an order's body; <paramref name="otherwise"/> for a kind without one or a body without the particulars.</summary>
    public static byte[] Image(string kind, JsonObject? body, byte[] otherwise) =>
        body is not null && TryFactsOf(body) is { } facts ? MaterialImages.Draw(kind, facts) ?? otherwise : otherwise;

    /// <summary>The applicant corrects the order (the whole body, as the console sends it) and submits it again.</summary>
    public static async Task ResubmitAsync(TestApp app, Flow flow, JsonObject body)
    {
        await app.Console().PutAsJsonAsync(flow.Url, body).ExpectAsync(HttpStatusCode.OK);
        await flow.SubmitAsync();
    }

    private static MaterialImages.Facts? TryFactsOf(JsonObject body)
    {
        var subject = body["subject"];
        var principal = subject?["principal"];
        var site = body["websites"] is JsonArray { Count: > 0 } sites ? sites[0] : null;
        string? Text(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        var domain = site?["domains"] is JsonArray { Count: > 0 } domains && domains[0] is JsonValue d && d.TryGetValue<string>(out var first) ? first : null;
        return (Text(subject, "name"), Text(subject, "certificateNumber"), Text(subject, "certificateAddress"), Text(principal, "name"),
                Text(principal, "certificateNumber"), Text(site, "name"), domain) is ({ } name, { } number, { } address, { } person, { } id, { } website, { } host)
            ? new MaterialImages.Facts(name, number, address, person, id, website, host)
            : null;
    }
}
