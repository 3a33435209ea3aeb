using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.ProvinceRules;

/// <summary>
/// The province rules through the real app and database: staff read them, compliance saves versions (audited, a bad
/// body changes nothing), and a saved change is what validation and the workflow of new orders follow.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class ProvinceRulesApiTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Staff_read_the_rules_compliance_saves_audited_versions_and_a_bad_body_changes_nothing()
    {
        var reviewer = await _app.SignedInAs("reviewer");
        var current = (await reviewer.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK)).AsObject();
        var shanghai = ProvinceRuleChange.Province(current, "310000");
        Assert.Equal(["app", "curtain-photo"], shanghai["verificationMethods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()));
        Assert.Equal(["handwritten-pledge"], ProvinceRuleChange.Province(current, "440000")["authenticityChecks"]!.AsArray().Select(c => c!.GetValue<string>()));
        await ProvinceRuleChange.PutAsync(reviewer, ProvinceRuleChange.Body(current, "越权")).ExpectAsync(HttpStatusCode.Forbidden);

        var compliance = await _app.SignedInAs("compliance");
        var bad = ProvinceRuleChange.Body(current, "错误的规则");
        bad["smsWindowHours"] = 0;
        ProvinceRuleChange.Province(bad, "110000")["verificationMethods"] = new JsonArray();
        ProvinceRuleChange.Province(bad, "650000")["authenticityChecks"] = new JsonArray("toe-print");
        var problem = await ProvinceRuleChange.PutAsync(compliance, bad).ExpectAsync(HttpStatusCode.BadRequest);
        var codes = problem.ErrorCodes();
        Assert.Equal(["sms-window-range"], codes["smsWindowHours"]);
        Assert.Equal(["verification-methods-empty"], codes["provinces[0].verificationMethods"]);
        Assert.Equal(["invalid-choice"], codes["provinces[30].authenticityChecks[0]"]);
        var broken = await ProvinceRuleChange.PutAsync(compliance, JsonNode.Parse("""{"smsWindowHours": "soon"}""")!).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["malformed-json"], broken.ErrorCodes()["body"]);
        Assert.Equal(current["version"]!.GetValue<int>(), (await reviewer.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());

        await using (await ProvinceRuleChange.ApplyAsync(_app, "宁夏短信核验时限改为 36 小时", ("640000", p => p["smsWindowHours"] = 36)))
        {
            var saved = await reviewer.GetAsync("/api/province-rules").ExpectAsync(HttpStatusCode.OK);
            var version = saved["version"]!.GetValue<int>();
            Assert.Equal(current["version"]!.GetValue<int>() + 1, version);
            Assert.Equal(36, ProvinceRuleChange.Province(saved.AsObject(), "640000")["smsWindowHours"]!.GetValue<int>());
            var history = (await reviewer.GetAsync("/api/province-rules/versions").ExpectAsync(HttpStatusCode.OK)).AsArray();
            Assert.Equal((version, "compliance", "宁夏短信核验时限改为 36 小时"),
                (history[0]!["version"]!.GetValue<int>(), history[0]!["savedBy"]!.GetValue<string>(), history[0]!["note"]!.GetValue<string>()));
            var old = await reviewer.GetAsync($"/api/province-rules/versions/{version}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(version, old["version"]!.GetValue<int>());
            await reviewer.GetAsync("/api/province-rules/versions/999999").ExpectAsync(HttpStatusCode.NotFound);

            await using var db = await TestApp.OpenDatabaseAsync();
            var audit = await db.QuerySingleAsync<(string Actor, string Details)>(
                "select actor, details::text from audit_log where action = 'province-rules-saved' and entity_id = @id", new { id = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal("compliance", audit.Actor);
            Assert.Equal(["640000"], JsonNode.Parse(audit.Details)!["changedProvinces"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_refused_mobile_prefix_in_Beijing_refuses_new_orders_with_such_a_number()
    {
        var console = _app.Console();
        await console.PostJsonAsync("/api/filings", InProvince("110000", "110105", "17012345678")).ExpectAsync(HttpStatusCode.Created);

        await using (await ProvinceRuleChange.ApplyAsync(_app, "北京管局不接受 170 号段", ("110000", p => p["refusedMobilePrefixes"] = new JsonArray("170"))))
        {
            var refused = await console.PostJsonAsync("/api/filings", InProvince("110000", "110105", "17012345678")).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["mobile-prefix-refused"], refused.ErrorCodes()["subject.principal.mobile"]);
            Assert.Contains("北京", refused["errors"]!["subject.principal.mobile"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            await console.PostJsonAsync("/api/filings", InProvince("110000", "110105", "13912345678")).ExpectAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Shanghai_accepts_the_curtain_photo_from_a_passport_holder_and_only_the_app_from_a_resident_id_holder()
    {
        var console = _app.Console();
        var resident = InProvince("310000", "310115", "13812345678");
        var refused = await console.PostJsonAsync("/api/filings", resident).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["verification-method-not-accepted"], refused.ErrorCodes()["verificationMethod"]);

        var passport = InProvince("310000", "310115", "13812345678");
        passport["subject"]!["principal"]!["certificateType"] = "passport";
        passport["subject"]!["principal"]!["certificateNumber"] = "E12345678";
        var flow = await Flow.SubmittedAsync(_app, passport);
        await flow.CompleteAsync("approve");
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal("upload-curtain-photo", await db.QuerySingleAsync<string>(
            "select b.event_name from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id where i.order_id = @id", new { id = Guid.Parse(flow.Id) }));

        await using (await ProvinceRuleChange.ApplyAsync(_app, "上海居民身份证持有人也可电子核验",
            ("310000", p => p["verificationMethods"]!.AsArray().Add(new JsonObject { ["method"] = "electronic", ["certificateTypes"] = new JsonArray() }))))
        {
            resident["verificationMethod"] = "electronic";
            await console.PostJsonAsync("/api/filings", resident).ExpectAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task A_province_SMS_window_times_the_SMS_wait_and_a_province_without_SMS_skips_it()
    {
        await using var change = await ProvinceRuleChange.ApplyAsync(_app, "宁夏 48 小时，青海无短信核验",
            ("640000", p => p["smsWindowHours"] = 48), ("630000", p => p["smsStep"] = false));
        var ningxia = await Flow.SubmittedAsync(_app, InProvince("640000", "640104", "13812345678", "curtain-photo"));
        var qinghai = await Flow.SubmittedAsync(_app, InProvince("630000", "630102", "13812345678", "curtain-photo"));
        await ningxia.ToSmsVerificationAsync();
        await qinghai.CompleteAsync("approve");
        await qinghai.UploadCurtainPhotoAndSubmitAsync();
        await qinghai.CompleteAsync("approve");
        await qinghai.CompleteAsync("approve");

        Assert.Equal("bureau-review", await qinghai.StatusAsync());
        await Flow.AdvanceClockAsync(_app, 25);
        Assert.Equal("sms-verification", await ningxia.StatusAsync());
        await Flow.AdvanceClockAsync(_app, 24);
        Assert.Equal("bureau-rejected", await ningxia.StatusAsync());

        var compliance = await _app.SignedInAs("compliance");
        var definition = await compliance.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        var published = definition.AsArray().Single(d => d!["id"]!.GetValue<string>() == "new-filing")!["publishedVersion"]!.GetValue<int>();
        var run = await compliance.PostJsonAsync("/api/workflow-definitions/new-filing/dry-run", new JsonObject
        {
            ["version"] = published, ["order"] = InProvince("630000", "630102", "13812345678", "curtain-photo"),
        }).ExpectAsync(HttpStatusCode.OK);
        var wait = run["steps"]!.AsArray().Single(s => s!["activityId"]!.GetValue<string>() == "wait-sms")!;
        Assert.Equal("verified", wait["outcome"]!.GetValue<string>());
        Assert.Null(wait["dueAt"]);
    }

    [Fact]
    public async Task The_province_authenticity_check_is_required_at_the_photo_review_of_orders_started_under_it()
    {
        var guangdong = await Flow.SubmittedAsync(_app);
        await guangdong.CompleteAsync("approve");
        await guangdong.UploadCurtainPhotoAndSubmitAsync();
        var reviewer = await _app.SignedInAs("reviewer");
        var task = (await guangdong.OpenTaskAsync())["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{task}/claim").ExpectAsync(HttpStatusCode.OK);
        var unticked = await reviewer.PostJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["checklist-incomplete"], unticked.ErrorCodes()["checklist"]);
        Assert.Contains("核验单已手写承诺语句", unticked["errors"]!["checklist"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        await using (await ProvinceRuleChange.ApplyAsync(_app, "广东不再要求手写承诺", ("440000", p => p["authenticityChecks"] = new JsonArray())))
        {
            var later = await Flow.SubmittedAsync(_app);
            await later.CompleteAsync("approve");
            await later.UploadCurtainPhotoAndSubmitAsync();
            var laterTask = (await later.OpenTaskAsync())["id"]!.GetValue<string>();
            await reviewer.PostEmptyAsync($"/api/tasks/{laterTask}/claim").ExpectAsync(HttpStatusCode.OK);
            await reviewer.PostJsonAsync($"/api/tasks/{laterTask}/complete", new JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("second-review", await later.StatusAsync());

            var still = await reviewer.PostJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["checklist-incomplete"], still.ErrorCodes()["checklist"]);
        }
    }

    [Fact]
    public async Task A_task_lists_what_its_step_requires_ticked_with_the_province_checks_its_order_started_under()
    {
        const string Pledge = "核验单已手写承诺语句";
        var guangdong = await Flow.SubmittedAsync(_app);
        Assert.DoesNotContain(Pledge, Texts((await guangdong.OpenTaskAsync())["requiredChecklist"]));
        await guangdong.CompleteAsync("approve");
        await guangdong.UploadCurtainPhotoAndSubmitAsync();
        Assert.Contains(Pledge, Texts((await guangdong.OpenTaskAsync())["requiredChecklist"]));

        await using (await ProvinceRuleChange.ApplyAsync(_app, "广东不再要求手写承诺", ("440000", p => p["authenticityChecks"] = new JsonArray())))
        {
            var later = await Flow.SubmittedAsync(_app);
            await later.CompleteAsync("approve");
            await later.UploadCurtainPhotoAndSubmitAsync();

            Assert.DoesNotContain(Pledge, Texts((await later.OpenTaskAsync())["requiredChecklist"]));
            Assert.Contains(Pledge, Texts((await guangdong.OpenTaskAsync())["requiredChecklist"]));
        }

        var reviewer = await _app.SignedInAs("reviewer");
        var task = await guangdong.OpenTaskAsync();
        var id = task["id"]!.GetValue<string>();
        await reviewer.PostEmptyAsync($"/api/tasks/{id}/claim").ExpectAsync(HttpStatusCode.OK);
        await reviewer.PostJsonAsync($"/api/tasks/{id}/complete", new JsonObject { ["outcome"] = "approve", ["checklist"] = task["requiredChecklist"]!.DeepClone() })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("second-review", await guangdong.StatusAsync());
    }

    private static string[] Texts(JsonNode? list) => [.. list!.AsArray().Select(t => t!.GetValue<string>())];

    [Fact]
    public async Task Mailed_originals_of_a_province_hold_the_order_until_the_mail_arrived()
    {
        await using var change = await ProvinceRuleChange.ApplyAsync(_app, "宁夏首次备案须寄送原件", ("640000", p => p["mailedOriginals"] = new JsonArray("new-filing")));
        var flow = await Flow.SubmittedAsync(_app, InProvince("640000", "640104", "13812345678", "curtain-photo"));
        await flow.CompleteAsync("approve");
        await flow.UploadCurtainPhotoAndSubmitAsync();

        await using var db = await TestApp.OpenDatabaseAsync();
        var steps = await db.QueryAsync<string>(
            "select t.activity_id from review_tasks t where t.order_id = @id and t.status = 'open' order by 1", new { id = Guid.Parse(flow.Id) });
        Assert.Equal(["mail-arrival", "photo-review-mailed"], steps);
    }

    private static JsonObject InProvince(string province, string region, string mobile, string method = "curtain-photo")
    {
        var body = Orders.Enterprise();
        body["verificationMethod"] = method;
        body["subject"]!["province"] = province;
        body["subject"]!["certificateNumber"] = Orders.UniqueUscc(region: region);
        body["subject"]!["principal"]!["mobile"] = mobile;
        return body;
    }
}
