using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.ProvinceRules;

/// <summary>
/// The province rules on every verification path and filing type (shipped definitions v4): the authenticity form's checks
/// are required at the bureau-app confirmation and at the second review after a video check, not only at the curtain-photo
/// review; mailed originals hold added websites and changes until the mail arrived, in the workflow and in the dry run.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class VerificationPathRulesTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_authenticity_form_checks_are_required_on_the_app_path_and_after_a_video_check(bool onFiledSubject)
    {
        await using var change = await ProvinceRuleChange.ApplyAsync(_app, "上海核验单须按手印", ("310000", p => p["authenticityChecks"] = new JsonArray("fingerprint")));
        var app = await Flow.SubmittedAsync(_app, await OrderAsync(InProvince("310000", "310115", "app"), onFiledSubject));
        await app.CompleteAsync("approve");
        Assert.Equal("verification", await app.StatusAsync());
        await ApproveRequiringAsync(app, "核验单已按手印");
        Assert.Equal("second-review", await app.StatusAsync());

        var video = await Flow.SubmittedAsync(_app, await OrderAsync(InProvince("440000", "440300", "electronic"), onFiledSubject));
        await video.CompleteAsync("approve");
        await _app.Console().PostJsonAsync($"{video.Url}/video-verification", new JsonObject { ["result"] = "passed" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("second-review", await video.StatusAsync());
        await ApproveRequiringAsync(video, "核验单已手写承诺语句");
        Assert.Equal("sms-verification", await video.StatusAsync());
    }

    [Fact]
    public async Task Mailed_originals_hold_an_added_website_and_a_website_change_until_the_mail_arrived()
    {
        using (var compliance = await _app.SignedInAs("compliance"))
        {
            var rules = ProvinceRuleChange.Body((await compliance.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK)).AsObject(), "取消接入寄送原件");
            ProvinceRuleChange.Province(rules, "640000")["mailedOriginals"] = new JsonArray("cancel-access");
            var refused = await ProvinceRuleChange.PutAsync(compliance, rules).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["invalid-choice"], refused.ErrorCodes()["provinces[29].mailedOriginals[0]"]);
        }

        await using var change = await ProvinceRuleChange.ApplyAsync(_app, "宁夏新增网站与变更网站须寄送原件",
            ("640000", p => p["mailedOriginals"] = new JsonArray("add-website-subject-here", "change-website")));
        var added = await Flow.SubmittedAsync(_app, await OrderAsync(InProvince("640000", "640104", "curtain-photo"), true));
        await added.CompleteAsync("approve");
        await added.UploadCurtainPhotoAndSubmitAsync();
        Assert.Equal(["mail-arrival", "photo-review-mailed"], await OpenStepsAsync(added));

        var body = WebsiteChange(await FiledSubjectAsync(InProvince("640000", "640104", "curtain-photo")));
        var changed = await Flow.CreateAsync(_app, body);
        await changed.UploadAsync(("verification-form", 0));
        await changed.SubmitAsync();
        await changed.CompleteAsync("approve");
        Assert.Equal("verification", await changed.StatusAsync());
        Assert.Equal(["mail-arrival"], await OpenStepsAsync(changed));
        Assert.StartsWith("核验：寄送的原件", await changed.CompleteAsync("approve"));
        Assert.Equal("bureau-review", await changed.StatusAsync());

        var compliance2 = await _app.SignedInAs("compliance");
        var run = await compliance2.PostJsonAsync("/api/workflow-definitions/change-website/dry-run", new JsonObject { ["order"] = body.DeepClone() })
            .ExpectAsync(HttpStatusCode.OK);
        var path = run["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).ToList();
        Assert.Equal(["review", "needs-mail", "mail-arrival", "submit"], path[..4]);
        Assert.Equal("approved", run["result"]!.GetValue<string>());
    }

    private async Task ApproveRequiringAsync(Flow flow, string check)
    {
        var reviewer = await _app.SignedInAs("reviewer");
        var task = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{task}/claim").ExpectAsync(HttpStatusCode.OK);
        var unticked = await reviewer.PostJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["checklist-incomplete"], unticked.ErrorCodes()["checklist"]);
        Assert.Contains(check, unticked["errors"]!["checklist"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await reviewer.PostJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "approve", ["checklist"] = new JsonArray(check) })
            .ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The order as is (a new filing), or on a subject already filed here (adding a website).</summary>
    private async Task<JsonObject> OrderAsync(JsonObject body, bool onFiledSubject)
    {
        if (onFiledSubject)
        {
            await FiledSubjectAsync(body);
        }

        return body;
    }

    /// <summary>Files the order's subject here with one website; returns its subject filing number.</summary>
    private async Task<(JsonObject Body, string Number)> FiledSubjectAsync(JsonObject body)
    {
        var subject = Registry.SubjectOf(body, Registry.Here);
        await Registry.InsertAsync(_app, subject, (Orders.UniqueDomain(), Registry.Here));
        return (body, subject["subjectFilingNumber"]!.GetValue<string>());
    }

    private static JsonObject WebsiteChange((JsonObject Body, string Number) filed) => new()
    {
        ["filingType"] = "change-website", ["subjectFilingNumber"] = filed.Number, ["websiteFilingNumber"] = $"{filed.Number}-1",
        ["subject"] = filed.Body["subject"]!.DeepClone(), ["websites"] = new JsonArray(Orders.Website(Orders.UniqueDomain(), Orders.UniqueIp())),
    };

    private static async Task<IReadOnlyList<string>> OpenStepsAsync(Flow flow)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return [.. await db.QueryAsync<string>(
            "select activity_id from review_tasks where order_id = @id and status = 'open' order by 1", new { id = Guid.Parse(flow.Id) })];
    }

    private static JsonObject InProvince(string province, string region, string method)
    {
        var body = Orders.Enterprise();
        body["verificationMethod"] = method;
        body["subject"]!["province"] = province;
        body["subject"]!["certificateNumber"] = Orders.UniqueUscc(region: region);
        return body;
    }
}
