using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

public static class HttpExtensions
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Empty JSON from {response.RequestMessage?.RequestUri}");
    }

    /// <summary>Asserts the status and returns the body, printing it when the status is not the expected one.</summary>
    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ExpectAsync(status);

    /// <summary>The error codes of a 400 problem, keyed by field path.</summary>
    public static Dictionary<string, string[]> ErrorCodes(this JsonNode problem) =>
        problem["errorCodes"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(c => c!.GetValue<string>()).ToArray());

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string url) =>
        client.PostAsync(url, JsonContent.Create(new { }));

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string orderUrl, string kind, byte[] content, string fileName, int? website = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        if (website is not null)
        {
            form.Add(new StringContent(website.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "website");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        return client.PostAsync($"{orderUrl}/materials", form);
    }
}
