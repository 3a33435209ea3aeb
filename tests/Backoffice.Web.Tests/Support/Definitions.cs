using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Reads, edits and publishes workflow definitions over HTTP, as a compliance manager does; a second
/// compliance manager (compliance2) approves the publications.
/// </summary>
public sealed class Definitions(HttpClient compliance, HttpClient approver, string id)
{
    public string Url => $"/api/workflow-definitions/{id}";

    public static async Task<Definitions> ForAsync(TestApp app, string id) => new(await app.SignedInAs("compliance"), await app.SignedInAs("compliance2"), id);

    public Task<int> PublishedVersionAsync() => SummaryAsync("publishedVersion");

    /// <summary>The newest version: the draft, or the published version when there is no draft.</summary>
    public async Task<JsonObject> LatestAsync() => await VersionAsync(await SummaryAsync("latestVersion"));

    public async Task<JsonObject> VersionAsync(int version) =>
        (await compliance.GetAsync($"{Url}/versions/{version}").ExpectAsync(HttpStatusCode.OK)).AsObject();

    public async Task<JsonObject> PublishedAsync() => await VersionAsync(await PublishedVersionAsync());

    public async Task<JsonNode> SaveDraftAsync(JsonObject definition) =>
        await compliance.PutAsync($"{Url}/draft", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.OK);

    /// <summary>Asks for the draft's publication: the candidate then awaits a second compliance manager.</summary>
    public Task<HttpResponseMessage> PublishAsync(string? note = null) =>
        compliance.PostJsonAsync($"{Url}/publish", new JsonObject { ["note"] = note });

    public Task<HttpResponseMessage> ApproveAsync(int version, string? note = "复核通过", HttpClient? by = null) =>
        (by ?? approver).PostJsonAsync($"{Url}/versions/{version}/approve", new JsonObject { ["note"] = note });

    public Task<HttpResponseMessage> RejectAsync(int version, string? note = "退回修改", HttpClient? by = null) =>
        (by ?? approver).PostJsonAsync($"{Url}/versions/{version}/reject", new JsonObject { ["note"] = note });

    /// <summary>Publishes the draft with <paramref name="note"/> and has compliance2 approve it: the version is live.</summary>
    public async Task<int> PublishApprovedAsync(string note = "测试发布")
    {
        var version = (await PublishAsync(note).ExpectAsync(HttpStatusCode.Accepted))["version"]!.GetValue<int>();
        await ApproveAsync(version).ExpectAsync(HttpStatusCode.OK);
        return version;
    }

    /// <summary>Saves, publishes and approves <paramref name="definition"/>; used to put a shipped definition back after a test.</summary>
    public async Task<int> RepublishAsync(JsonObject definition)
    {
        if (await SummaryAsync("awaitingApprovalVersion") is > 0 and var pending)
        {
            await RejectAsync(pending, "测试结束，撤回").ExpectAsync(HttpStatusCode.OK);
        }

        await SaveDraftAsync(definition);
        return await PublishApprovedAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode body) => compliance.PostJsonAsync($"{Url}/{path}", body);

    public Task<HttpResponseMessage> GetAsync(string path) => compliance.GetAsync($"{Url}/{path}");

    public Task<HttpResponseMessage> DeleteAsync(string path) => compliance.DeleteAsync($"{Url}/{path}");

    public Task<int> DraftVersionAsync() => SummaryAsync("draftVersion");

    public Task<int> AwaitingApprovalVersionAsync() => SummaryAsync("awaitingApprovalVersion");

    /// <summary>A version number of the definition's summary; 0 when it has none (no draft, no candidate).</summary>
    private async Task<int> SummaryAsync(string field)
    {
        var list = await compliance.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        return list.AsArray().First(d => d!["id"]!.GetValue<string>() == id)![field]?.GetValue<int>() ?? 0;
    }

    public static JsonObject HumanTask(string id, string name, string team, int workingDays) => new()
    {
        ["id"] = id, ["type"] = "human-task", ["name"] = name,
        ["properties"] = new JsonObject
        {
            ["team"] = team, ["title"] = name, ["sla"] = new JsonObject { ["amount"] = workingDays, ["unit"] = "working-days" },
            ["outcomes"] = new JsonArray("approve", "return"),
        },
    };

    /// <summary>A copy of the deregister-website definition with a decision on <paramref name="expression"/> between the approved review and the submission.</summary>
    public static JsonObject WithDecisionBeforeSubmit(JsonObject definition, string expression)
    {
        var copy = definition.DeepClone().AsObject();
        copy["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "check-sites", ["type"] = "decision", ["name"] = "核对网站数量",
            ["properties"] = new JsonObject { ["expression"] = expression },
        });
        var connections = copy["connections"]!.AsArray();
        connections.First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!["target"] = "check-sites";
        connections.Add(new JsonObject { ["source"] = "check-sites", ["outcome"] = "true", ["target"] = "submit" });
        connections.Add(new JsonObject { ["source"] = "check-sites", ["outcome"] = "false", ["target"] = "submit" });
        return copy;
    }

    public static JsonObject Link(string source, string outcome, string target) =>
        new() { ["source"] = source, ["outcome"] = outcome, ["target"] = target };

    /// <summary>A copy of <paramref name="definition"/> with a human task inserted on the connection source --outcome--> and its return going where <paramref name="returnTo"/> says.</summary>
    public static JsonObject WithStepAfter(JsonObject definition, string source, string outcome, JsonObject step, string returnTo)
    {
        var copy = definition.DeepClone().AsObject();
        copy["activities"]!.AsArray().Add(step);
        var connections = copy["connections"]!.AsArray();
        var link = connections.First(c => c!["source"]!.GetValue<string>() == source && c["outcome"]!.GetValue<string>() == outcome)!;
        var target = link["target"]!.GetValue<string>();
        var stepId = step["id"]!.GetValue<string>();
        link["target"] = stepId;
        connections.Add(Link(stepId, "approve", target));
        connections.Add(Link(stepId, "return", returnTo));
        return copy;
    }
}
