using System.Net;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Drives one order through its workflow over HTTP, as the console, reviewers and the bureau liaison do. Materials are
/// images drawn with the order's own data when its body is known, so screenshots of the viewer show a document.
/// </summary>
public sealed class Flow(TestApp app, string id, JsonObject? body = null)
{
    public string Id => id;

    public string Url => $"/api/filings/{id}";

    public static async Task<Flow> CreateAsync(TestApp app, JsonObject body)
    {
        var created = await app.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.Created);
        return new Flow(app, created["id"]!.GetValue<string>(), body);
    }

    /// <summary>Submits an order of <paramref name="filingType"/> (change, cancel access, deregister website) on a website filed here.</summary>
    public static async Task<Flow> OnFiledWebsiteAsync(TestApp app, string filingType)
    {
        var subject = Registry.SubjectOf(Orders.Enterprise(), Registry.Here);
        await Registry.InsertAsync(app, subject, (Orders.UniqueDomain(), Registry.Here));
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var flow = await CreateAsync(app, new JsonObject
        {
            ["filingType"] = filingType, ["subjectFilingNumber"] = number, ["websiteFilingNumber"] = $"{number}-1",
        });
        await flow.SubmitAsync();
        return flow;
    }

    /// <summary>Creates an enterprise order with every material and submits it.</summary>
    public static async Task<Flow> SubmittedAsync(TestApp app, JsonObject? body = null)
    {
        var flow = await CreateAsync(app, body ?? Orders.Enterprise());
        await flow.UploadAsync(("business-license", null), ("id-card-front", null), ("id-card-back", null), ("verification-form", 0));
        await flow.SubmitAsync();
        return flow;
    }

    public async Task UploadAsync(params (string Kind, int? Website)[] materials)
    {
        var client = app.Console();
        foreach (var (kind, website) in materials)
        {
            await client.UploadAsync(Url, kind, RealMaterials.Image(kind, body, Files.Jpeg()), $"{kind}.jpg", website).ExpectAsync(HttpStatusCode.Created);
        }
    }

    public async Task<JsonNode> SubmitAsync() =>
        await app.Console().PostEmptyAsync($"{Url}/submit").ExpectAsync(HttpStatusCode.Accepted);

    public async Task UploadCurtainPhotoAndSubmitAsync()
    {
        await app.Console().UploadAsync(Url, "curtain-photo", RealMaterials.Image("curtain-photo", body, Files.Jpeg(8000)), "curtain.jpg").ExpectAsync(HttpStatusCode.Created);
        await SubmitAsync();
    }

    public async Task<string> StatusAsync() => (await GetAsync())["status"]!.GetValue<string>();

    public async Task<JsonNode> GetAsync() => await app.Console().GetAsync(Url).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The open task of the order, seen by a reviewer of its team.</summary>
    public async Task<JsonNode> OpenTaskAsync(string reviewer = "reviewer")
    {
        var client = await app.SignedInAs(reviewer);
        var tasks = (await client.GetAsync($"/api/tasks?scope=team&status=open&filingId={id}").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.True(tasks.Count == 1, $"Expected one open task, found {tasks.Count}: {tasks.ToJsonString()}");
        return tasks[0]!;
    }

    /// <summary>Claims and completes the open task; returns the step that was completed.</summary>
    public async Task<string> CompleteAsync(string outcome, string reviewer = "reviewer", params string[] reasons)
    {
        var task = await OpenTaskAsync(reviewer);
        var client = await app.SignedInAs(reviewer);
        var taskId = task["id"]!.GetValue<string>();
        await client.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        var body = new JsonObject { ["outcome"] = outcome, ["reasonCodes"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]), ["comment"] = "审核意见" };
        if (outcome == "approve")
        {
            body["checklist"] = task["requiredChecklist"]!.DeepClone();
        }

        await client.PostJsonAsync($"/api/tasks/{taskId}/complete", body).ExpectAsync(HttpStatusCode.OK);
        return task["step"]!.GetValue<string>();
    }

    public async Task<JsonNode> BureauAsync(string kind, params string[] reasons)
    {
        var liaison = await app.SignedInAs("liaison");
        var body = new JsonObject { ["filingId"] = id, ["kind"] = kind };
        if (reasons.Length > 0)
        {
            body["reasonCodes"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]);
        }

        return await liaison.PostJsonAsync("/api/bureau/events", body).ExpectAsync(HttpStatusCode.Accepted);
    }

    public static async Task<JsonNode> AdvanceClockAsync(TestApp app, double hours) =>
        await app.Console().PostJsonAsync("/api/test-clock/advance", new JsonObject { ["hours"] = hours }).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Reviews pass and the curtain photo is uploaded: the order then waits for the SMS verification.</summary>
    public async Task ToSmsVerificationAsync()
    {
        await CompleteAsync("approve");
        await UploadCurtainPhotoAndSubmitAsync();
        await CompleteAsync("approve");
        await CompleteAsync("approve");
        Assert.Equal("sms-verification", await StatusAsync());
    }

    /// <summary>Reviews pass, curtain photo uploaded, SMS verified: the order is then in bureau review.</summary>
    public async Task ToBureauReviewAsync()
    {
        await ToSmsVerificationAsync();
        await BureauAsync("sms-verified");
        Assert.Equal("bureau-review", await StatusAsync());
    }
}
