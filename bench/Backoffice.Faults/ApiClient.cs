using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Backoffice.Faults;

/// <summary>
/// HTTP to the app under test, retrying through its crashes and database outages: a call whose
/// connection failed or that answered 5xx is tried again until the deadline. Counts what it saw.
/// </summary>
public sealed class ApiClient(Uri baseUrl, DateTimeOffset deadline)
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = [];
    private long _retries;

    public long Retries => Interlocked.Read(ref _retries);

    public async Task SignInAsync(params string[] users)
    {
        foreach (var user in users)
        {
            var answer = await SendAsync(null, HttpMethod.Post, "/api/tokens", Json(new JsonObject { ["username"] = user, ["password"] = "Passw0rd!" }));
            _tokens[user] = answer.Body!["token"]!.GetValue<string>();
        }
    }

    /// <summary>Acts as <paramref name="user"/> with a token issued outside the API (the race's reviewers).</summary>
    public void UseToken(string user, string token) => _tokens[user] = token;

    public Task<Answer> PostAsync(string user, string path, JsonNode body) => SendAsync(user, HttpMethod.Post, path, Json(body));

    public Task<Answer> PutAsync(string user, string path, JsonNode body) => SendAsync(user, HttpMethod.Put, path, Json(body));

    public Task<Answer> GetAsync(string user, string path) => SendAsync(user, HttpMethod.Get, path, null);

    /// <summary>A material of the order; <paramref name="website"/> names the website it belongs to (the verification form's).</summary>
    public Task<Answer> UploadAsync(string path, string kind, byte[] content, int? website = null) => SendAsync("console", HttpMethod.Post, path, () =>
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", kind + ".jpg" } };
        if (website is { } index)
        {
            form.Add(new StringContent(index.ToString(System.Globalization.CultureInfo.InvariantCulture)), "website");
        }

        return form;
    });

    public sealed record Answer(HttpStatusCode Status, JsonNode? Body);

    private static Func<HttpContent> Json(JsonNode body) => () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<Answer> SendAsync(string? user, HttpMethod method, string path, Func<HttpContent>? content)
    {
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
                if (user is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user == "console" ? "test-console-key" : _tokens[user]);
                }

                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode < 500)
                {
                    return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{method} {path} still failing at the deadline");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(300);
        }
    }
}
