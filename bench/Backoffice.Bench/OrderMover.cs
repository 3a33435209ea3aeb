using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Bench;

/// <summary>
/// Moves new-filing orders from draft to approved over the HTTP API as the console, a reviewer and the bureau liaison
/// do: created with its materials and submitted, three reviews approved (the curtain photo uploaded between the first
/// two), SMS verified and approved by the bureau. Each order writes its events on the way.
/// </summary>
public sealed class OrderMover(Uri address)
{
    private static readonly string[] Materials = ["business-license", "id-card-front", "id-card-back", "verification-form"];
    private readonly HttpClient _console = Client(address, "test-console-key");
    private HttpClient _reviewer = null!;
    private HttpClient _liaison = null!;

    public async Task SignInAsync()
    {
        _reviewer = Client(address, await TokenAsync("reviewer"));
        _liaison = Client(address, await TokenAsync("liaison"));
    }

    public async Task MoveAsync(int seed)
    {
        var created = await SendAsync(_console.PostAsJsonAsync("/api/filings", NewOrder()));
        var id = created["id"]!.GetValue<string>();
        foreach (var kind in Materials)
        {
            await UploadAsync(id, kind, kind == "verification-form" ? 0 : null, seed);
        }

        await SendAsync(_console.PostAsync($"/api/filings/{id}/submit", null));
        await ApproveAsync(id);
        await UploadAsync(id, "curtain-photo", null, seed);
        await SendAsync(_console.PostAsync($"/api/filings/{id}/submit", null));
        await ApproveAsync(id);
        await ApproveAsync(id);
        await SendAsync(_liaison.PostAsJsonAsync("/api/bureau/events", new { filingId = id, kind = "sms-verified" }));
        await SendAsync(_liaison.PostAsJsonAsync("/api/bureau/events", new { filingId = id, kind = "approved" }));
    }

    private async Task ApproveAsync(string id)
    {
        var tasks = (await SendAsync(_reviewer.GetAsync($"/api/tasks?scope=team&status=open&filingId={id}"))).AsArray();
        var task = tasks.Single()!["id"]!.GetValue<string>();
        var checklist = tasks.Single()!["requiredChecklist"]!.DeepClone();
        await SendAsync(_reviewer.PostAsync($"/api/tasks/{task}/claim", null));
        await SendAsync(_reviewer.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "approve", reasonCodes = Array.Empty<string>(), comment = "通过", checklist }));
    }

    private async Task UploadAsync(string id, string kind, int? website, int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0; bytes[^2] = 0xFF; bytes[^1] = 0xD9;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", kind + ".jpg" } };
        if (website is { } index)
        {
            form.Add(new StringContent(index.ToString(CultureInfo.InvariantCulture)), "website");
        }

        await SendAsync(_console.PostAsync($"/api/filings/{id}/materials", form));
    }

    private async Task<string> TokenAsync(string username)
    {
        using var anonymous = new HttpClient { BaseAddress = address };
        return (await SendAsync(anonymous.PostAsJsonAsync("/api/tokens", new { username, password = "Passw0rd!" })))["token"]!.GetValue<string>();
    }

    private static async Task<JsonNode> SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static JsonObject NewOrder()
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var uscc = UnifiedSocialCreditCode.Create("91", "440300", string.Concat(Enumerable.Range(0, 8).Select(_ => chars[RandomNumberGenerator.GetInt32(chars.Length)])));
        var domain = $"e{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.com";
        var ip = string.Create(CultureInfo.InvariantCulture, $"101.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(1, 255)}");
        var principalId = ResidentIdNumber.Create("440305", new DateOnly(1990, 3, 14).AddDays(RandomNumberGenerator.GetInt32(0, 3000)), RandomNumberGenerator.GetInt32(0, 1000));
        return new JsonObject
        {
            ["verificationMethod"] = "curtain-photo",
            ["subject"] = new JsonObject
            {
                ["nature"] = "enterprise", ["province"] = "440000", ["name"] = "深圳市事件压测科技有限公司", ["certificateType"] = "uscc",
                ["certificateNumber"] = uscc, ["certificateAddress"] = "深圳市南山区科技园科苑路8号",
                ["mailingAddress"] = "深圳市南山区科技园科苑路8号1201室", ["investorOrAuthority"] = "深圳市事件压测科技有限公司",
                ["principal"] = new JsonObject
                {
                    ["name"] = "张三", ["certificateType"] = "resident-id", ["certificateNumber"] = principalId,
                    ["mobile"] = "13800138000", ["officePhone"] = "086-0755-12345678", ["email"] = "ops@example.com",
                },
            },
            ["websites"] = new JsonArray(new JsonObject
            {
                ["name"] = "事件压测官网", ["domains"] = new JsonArray(domain), ["homepageUrls"] = new JsonArray($"www.{domain}"),
                ["serviceContent"] = "corporate-portal", ["preApprovals"] = new JsonArray(), ["languages"] = new JsonArray("zh-Hans"),
                ["accessResource"] = new JsonObject { ["kind"] = "instance-ip", ["value"] = ip }, ["principal"] = null, ["remark"] = "",
            }),
        };
    }
}
