using System.IO.Compression;
using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>Uploads that are not what they say: archives and bombs under photo names, compressed bodies, markup behind a JPEG header.</summary>
public sealed class UploadAbuseTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData("business-license", "licence.jpg")]
    [InlineData("verification-form", "form.pdf")]
    public async Task Zip_bomb_under_a_photo_or_pdf_name_is_refused(string kind, string name)
    {
        var flow = await Flow.CreateAsync(_app, Orders.Enterprise());

        var problem = await _app.Console().UploadAsync(flow.Url, kind, ZipBomb(), name).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["material-type-not-allowed"], problem.ErrorCodes()["file"]);
        Assert.Equal(0, await MaterialsAsync(flow));
    }

    [Fact]
    public async Task Gzip_encoded_upload_is_not_inflated_and_is_refused()
    {
        var flow = await Flow.CreateAsync(_app, Orders.Enterprise());
        var form = new MultipartFormDataContent { { new StringContent("business-license"), "kind" }, { new ByteArrayContent(Files.Jpeg()), "file", "a.jpg" } };
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await form.CopyToAsync(gzip);
            gzip.Write(new byte[20 * 1024 * 1024]);
        }

        var body = new ByteArrayContent(compressed.ToArray());
        body.Headers.ContentType = form.Headers.ContentType;
        body.Headers.ContentEncoding.Add("gzip");
        var response = await _app.Console().PostAsync($"{flow.Url}/materials", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await MaterialsAsync(flow));
    }

    [Fact]
    public async Task Markup_behind_a_jpeg_header_is_only_ever_served_as_a_jpeg_attachment()
    {
        var flow = await Flow.CreateAsync(_app, Orders.Enterprise());
        byte[] polyglot = [0xFF, 0xD8, 0xFF, 0xE0, .. Files.Html(), 0xFF, 0xD9];
        var id = (await _app.Console().UploadAsync(flow.Url, "business-license", polyglot, "licence.jpg")
            .ExpectAsync(HttpStatusCode.Created))["materialId"]!.GetValue<string>();

        var download = await _app.Console().GetAsync($"{flow.Url}/materials/{id}");

        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>A zip whose one entry inflates from a few kilobytes to 50 MB.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("bomb.jpg", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++)
            {
                entry.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<int> MaterialsAsync(Flow flow)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("select count(*) from filing_materials where order_id = @id", new { id = Guid.Parse(flow.Id) });
    }
}
