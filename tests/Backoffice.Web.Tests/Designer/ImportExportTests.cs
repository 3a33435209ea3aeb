using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Designer;

[Collection(ClockCollection.Name)]
public sealed class ImportExportTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Exported_file_imports_as_the_draft_of_another_definition()
    {
        var source = await Definitions.ForAsync(_app, "deregister-website");
        var target = await Definitions.ForAsync(_app, "deregister-subject");
        var original = await target.PublishedAsync();
        var response = await source.GetAsync($"versions/{await source.PublishedVersionAsync()}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        file["name"] = "注销主体（导入）";
        try
        {
            var saved = await target.PostAsync("import", file).ExpectAsync(HttpStatusCode.OK);

            var draft = await target.VersionAsync(saved["version"]!.GetValue<int>());
            Assert.Equal(("draft", "deregister-subject", "注销主体（导入）"),
                (saved["status"]!.GetValue<string>(), draft["id"]!.GetValue<string>(), draft["name"]!.GetValue<string>()));
            Assert.Equal(file["activities"]!.AsArray().Count, draft["activities"]!.AsArray().Count);
        }
        finally
        {
            await target.SaveDraftAsync(original);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_definition_is_refused_and_nothing_changes()
    {
        var target = await Definitions.ForAsync(_app, "deregister-subject");
        var compliance = await _app.SignedInAs("compliance");
        var before = (await target.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).ToJsonString();

        var problem = await compliance.PostAsync($"{target.Url}/import",
            new StringContent("{\"name\": \"x\", \"activities\": 3}", Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["malformed-json"], problem.ErrorCodes()["body"]);
        Assert.Equal(before, (await target.GetAsync("versions").ExpectAsync(HttpStatusCode.OK)).ToJsonString());
    }

    [Fact]
    public async Task Reference_lists_and_template_preview_come_from_the_engine()
    {
        var compliance = await _app.SignedInAs("compliance");

        var reference = await compliance.GetAsync("/api/designer/reference").ExpectAsync(HttpStatusCode.OK);
        var preview = await compliance.PostJsonAsync("/api/designer/template-preview",
            new JsonObject { ["template"] = "订单{orderNumber}：{subjectName}" }).ExpectAsync(HttpStatusCode.OK);
        var empty = await compliance.PostJsonAsync("/api/designer/template-preview", new JsonObject()).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains(reference["teams"]!.AsArray(), t => t!["value"]!.GetValue<string>() == "initial-review");
        Assert.Contains(reference["orderFields"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "order.subject.province");
        Assert.Equal("订单BA20260101000001：深圳某某科技有限公司", preview["text"]!.GetValue<string>());
        Assert.Equal(["required"], empty.ErrorCodes()["template"]);
    }
}
