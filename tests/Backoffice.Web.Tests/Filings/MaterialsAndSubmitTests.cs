using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

public sealed class MaterialsAndSubmitTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Jpeg_upload_is_stored_with_its_sniffed_type()
    {
        var url = await NewOrderAsync();

        var created = await _app.Console().UploadAsync(url, "business-license", Files.Jpeg(), "license.jpg").ExpectAsync(HttpStatusCode.Created);

        var order = await _app.Console().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        var material = order["materials"]![0]!;
        Assert.Equal(created["materialId"]!.GetValue<string>(), material["id"]!.GetValue<string>());
        Assert.Equal("image/jpeg", material["contentType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("html")]
    [InlineData("svg")]
    [InlineData("pdf")]
    public async Task File_named_jpg_whose_content_is_not_a_jpeg_photo_is_refused(string content)
    {
        var url = await NewOrderAsync();
        var bytes = content switch { "html" => Files.Html(), "svg" => Files.Svg(), _ => Files.Pdf() };

        var problem = await _app.Console().UploadAsync(url, "id-card-front", bytes, "photo.jpg").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("file", problem.ErrorCodes().Keys);
        Assert.Equal(0, await MaterialCountAsync(url));
    }

    [Fact]
    public async Task Oversize_upload_is_413_and_stores_nothing()
    {
        var url = await NewOrderAsync();

        var response = await _app.Console().UploadAsync(url, "business-license", Files.Jpeg(3 * 1024 * 1024), "big.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await MaterialCountAsync(url));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg")]
    [InlineData("..\\..\\windows\\photo.jpg")]
    [InlineData("/etc/cron.d/photo.jpg")]
    [InlineData("photo\u200b.jpg")]
    [InlineData("photo\u202egpj.html")]
    public async Task Path_or_hidden_characters_in_the_file_name_are_refused(string name)
    {
        var url = await NewOrderAsync();

        var problem = await _app.Console().UploadAsync(url, "business-license", Files.Jpeg(), name).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["file-name-unsafe"], problem.ErrorCodes()["file"]);
        Assert.Equal(0, await MaterialCountAsync(url));
    }

    [Fact]
    public async Task Unknown_material_kind_is_refused()
    {
        var url = await NewOrderAsync();

        var problem = await _app.Console().UploadAsync(url, "selfie", Files.Jpeg(), "a.jpg").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["unknown-material-kind"], problem.ErrorCodes()["kind"]);
    }

    [Fact]
    public async Task Submit_lists_the_missing_materials_and_leaves_the_order_a_draft()
    {
        var url = await NewOrderAsync();

        var problem = await _app.Console().PostEmptyAsync($"{url}/submit").ExpectAsync(HttpStatusCode.BadRequest);

        var missing = problem.ErrorCodes().Keys;
        Assert.Contains(missing, k => k.Contains("business-license", StringComparison.Ordinal));
        Assert.Contains(missing, k => k.Contains("id-card-front", StringComparison.Ordinal));
        Assert.Contains(missing, k => k.Contains("verification-form", StringComparison.Ordinal));
        var order = await _app.Console().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_order_is_submitted_once()
    {
        var url = await NewOrderAsync();
        await UploadCompleteMaterialsAsync(url);

        var accepted = await _app.Console().PostEmptyAsync($"{url}/submit").ExpectAsync(HttpStatusCode.Accepted);
        var again = await _app.Console().PostEmptyAsync($"{url}/submit").ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("initial-review", accepted["status"]!.GetValue<string>());
        Assert.Equal("not-submittable", again["code"]!.GetValue<string>());
        var order = await _app.Console().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        var statuses = order["timeline"]!.AsArray().Select(t => t!["status"]?.GetValue<string>()).OfType<string>().Distinct();
        Assert.Equal(["draft", "submitted", "initial-review"], statuses);
    }

    [Fact]
    public async Task Withdraw_is_allowed_before_the_bureau_and_refused_after()
    {
        var draft = await NewOrderAsync();
        var withdrawn = await _app.Console().PostEmptyAsync($"{draft}/withdraw").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());
        var twice = await _app.Console().PostEmptyAsync($"{draft}/withdraw").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-finished", twice["code"]!.GetValue<string>());

        var atBureau = await NewOrderAsync();
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("update filing_orders set status = 'at-bureau' where id = @id", new { id = Guid.Parse(atBureau.Split('/')[^1]) });
        }

        var refused = await _app.Console().PostEmptyAsync($"{atBureau}/withdraw").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("at-bureau", refused["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_order_is_404()
    {
        await _app.Console().GetAsync($"/api/filings/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        await _app.Console().PostEmptyAsync($"/api/filings/{Guid.NewGuid()}/submit").ExpectAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> NewOrderAsync()
    {
        var created = await _app.Console().PostJsonAsync("/api/filings", Orders.Enterprise()).ExpectAsync(HttpStatusCode.Created);
        return $"/api/filings/{created["id"]!.GetValue<string>()}";
    }

    private async Task UploadCompleteMaterialsAsync(string url)
    {
        var client = _app.Console();
        await client.UploadAsync(url, "business-license", Files.Jpeg(), "license.jpg").ExpectAsync(HttpStatusCode.Created);
        await client.UploadAsync(url, "id-card-front", Files.Jpeg(), "front.jpg").ExpectAsync(HttpStatusCode.Created);
        await client.UploadAsync(url, "id-card-back", Files.Jpeg(), "back.jpg").ExpectAsync(HttpStatusCode.Created);
        await client.UploadAsync(url, "verification-form", Files.Jpeg(), "form.jpg", website: 0).ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<int> MaterialCountAsync(string url)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("select count(*) from filing_materials where order_id = @id", new { id = Guid.Parse(url.Split('/')[^1]) });
    }
}
