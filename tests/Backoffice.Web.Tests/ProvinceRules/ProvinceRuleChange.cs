using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.ProvinceRules;

/// <summary>Compliance changes the rules of some provinces for one test; disposing saves the rules as they were again (signed in afresh: the test may have moved the clock past the session).</summary>
public sealed class ProvinceRuleChange : IAsyncDisposable
{
    private readonly TestApp _app;
    private readonly JsonObject _before;

    private ProvinceRuleChange(TestApp app, JsonObject before)
    {
        _app = app;
        _before = before;
    }

    public static async Task<ProvinceRuleChange> ApplyAsync(TestApp app, string note, params (string Province, Action<JsonObject> Change)[] changes)
    {
        using var compliance = await app.SignedInAs("compliance");
        var before = (await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK)).AsObject();
        var rules = Body(before, note);
        foreach (var (province, change) in changes)
        {
            change(Province(rules, province));
        }

        await PutAsync(compliance, rules).ExpectAsync(HttpStatusCode.OK);
        return new ProvinceRuleChange(app, before);
    }

    public static JsonObject Province(JsonObject rules, string code) =>
        rules["provinces"]!.AsArray().Single(p => p!["province"]!.GetValue<string>() == code)!.AsObject();

    /// <summary>The body of a save from an answer of GET /api/province-rules.</summary>
    public static JsonObject Body(JsonObject answer, string note) => new()
    {
        ["smsWindowHours"] = answer["smsWindowHours"]!.DeepClone(), ["provinces"] = answer["provinces"]!.DeepClone(), ["note"] = note,
    };

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode body) =>
        client.PutAsync("/api/province-rules", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        using var compliance = await _app.SignedInAs("compliance");
        await PutAsync(compliance, Body(_before, "测试结束，恢复原规则")).ExpectAsync(HttpStatusCode.OK);
    }
}
