using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ProvinceRules;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Backoffice.Web.Features.Demo;

/// <summary>
/// Demo orders for a local run, made through the app's own HTTP API as the console and the staff
/// would: once the server listens, and only into an empty database. They stand at different steps
/// (initial review, returned, waiting for the curtain photo, SMS verification, approved); their materials are
/// images drawn with the order's own names and numbers (<see cref="MaterialImages"/>).
/// Nodes started together seed once: the check and the seeding run under an advisory lock.
/// </summary>
public sealed class DemoOrders(IServer server, NpgsqlDataSource dataSource, ILogger<DemoOrders> logger)
{
    private static readonly string[] Principals = ["李明", "王芳", "张伟", "刘洋", "陈静"];
    private static readonly string[] Companies = ["深圳市云帆科技有限公司", "广州市青禾网络科技有限公司", "深圳市锦程信息技术有限公司", "东莞市启明软件有限公司", "珠海市海澜数据服务有限公司"];

    /// <summary>The advisory lock under which one node seeds while the others, started with it, wait and then find orders.</summary>
    private const long SeedLockKey = 0x4241_434B_4445_4D4F;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var guard = await dataSource.OpenConnectionAsync(ct);
        await guard.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: ct));
        try
        {
            if (await guard.ExecuteScalarAsync<long>(new CommandDefinition("select count(*) from filing_orders", cancellationToken: ct)) == 0)
            {
                await SeedOrdersAsync(ct);
            }
        }
        finally
        {
            await guard.ExecuteAsync("select pg_advisory_unlock(@SeedLockKey)", new { SeedLockKey });
        }
    }

    private async Task SeedOrdersAsync(CancellationToken ct)
    {
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var console = Bearer(DemoAccounts.ConsoleKey);
        var reviewer = Bearer(await TokenAsync(http, "reviewer", ct));
        var liaison = Bearer(await TokenAsync(http, "liaison", ct));
        for (var i = 0; i < Companies.Length; i++)
        {
            var (id, facts) = await CreateAndSubmitAsync(http, console, i, ct);
            if (i == 1) await CompleteAsync(http, reviewer, id, "return", ct);
            if (i >= 2) await CompleteAsync(http, reviewer, id, "approve", ct);
            if (i < 3) continue;
            await UploadAsync(http, console, id, "curtain-photo", null, facts, ct);
            await SendAsync(http, console, HttpMethod.Post, $"/api/filings/{id}/submit", null, ct);
            await CompleteAsync(http, reviewer, id, "approve", ct);
            await CompleteAsync(http, reviewer, id, "approve", ct);
            if (i < 4) continue;
            await SendAsync(http, liaison, HttpMethod.Post, "/api/bureau/events", new JsonObject { ["filingId"] = id, ["kind"] = "sms-verified" }, ct);
            await SendAsync(http, liaison, HttpMethod.Post, "/api/bureau/events", new JsonObject { ["filingId"] = id, ["kind"] = "approved" }, ct);
        }

        logger.LogInformation("Seeded {Count} demo orders", Companies.Length);
    }

    private static async Task<(string Id, MaterialImages.Facts Facts)> CreateAndSubmitAsync(HttpClient http, AuthenticationHeaderValue console, int i, CancellationToken ct)
    {
        var domain = $"demo-{i + 1}-{Random.Shared.Next(10_000, 99_999)}.cn";
        var facts = new MaterialImages.Facts(
            Companies[i], UnifiedSocialCreditCode.Create("91", "440300", $"MA5D{Random.Shared.Next(1000, 9999)}"), $"广东省深圳市南山区科技园科发路{i + 1}号",
            Principals[i], ResidentIdNumber.Create("440305", new DateOnly(1985, 6, 1 + i), 11 + i), Companies[i].Replace("有限公司", "官网", StringComparison.Ordinal), domain);
        var principal = new JsonObject
        {
            ["name"] = facts.PrincipalName, ["certificateType"] = "resident-id", ["certificateNumber"] = facts.PrincipalIdNumber,
            ["mobile"] = $"1380013800{i}", ["officePhone"] = "086-0755-8888666" + i, ["email"] = $"admin{i}@{domain}",
        };
        var order = new JsonObject
        {
            ["verificationMethod"] = "curtain-photo",
            ["subject"] = new JsonObject
            {
                ["nature"] = "enterprise", ["province"] = "440000", ["name"] = facts.SubjectName, ["certificateType"] = "uscc",
                ["certificateNumber"] = facts.CertificateNumber, ["certificateAddress"] = facts.CertificateAddress, ["mailingAddress"] = $"广东省深圳市南山区科技园科发路{i + 1}号{i + 3}01室",
                ["investorOrAuthority"] = Companies[i], ["principal"] = principal,
            },
            ["websites"] = new JsonArray(new JsonObject
            {
                ["name"] = facts.WebsiteName, ["domains"] = new JsonArray(domain),
                ["homepageUrls"] = new JsonArray($"www.{domain}"), ["serviceContent"] = "corporate-portal", ["languages"] = new JsonArray("zh-Hans"),
                ["accessResource"] = new JsonObject { ["kind"] = "instance-ip", ["value"] = $"203.0.113.{20 + i}" },
            }),
        };
        var created = await SendAsync(http, console, HttpMethod.Post, "/api/filings", order, ct);
        var id = created!["id"]!.GetValue<string>();
        foreach (var (kind, website) in new (string, int?)[] { ("business-license", null), ("id-card-front", null), ("id-card-back", null), ("verification-form", 0) })
        {
            await UploadAsync(http, console, id, kind, website, facts, ct);
        }

        await SendAsync(http, console, HttpMethod.Post, $"/api/filings/{id}/submit", null, ct);
        return (id, facts);
    }

    private static async Task CompleteAsync(HttpClient http, AuthenticationHeaderValue reviewer, string id, string outcome, CancellationToken ct)
    {
        var tasks = await SendAsync(http, reviewer, HttpMethod.Get, $"/api/tasks?scope=team&filingId={id}", null, ct);
        var taskId = tasks!.AsArray()[0]!["id"]!.GetValue<string>();
        await SendAsync(http, reviewer, HttpMethod.Post, $"/api/tasks/{taskId}/claim", null, ct);
        var body = new JsonObject { ["outcome"] = outcome, ["comment"] = outcome == "return" ? "通信地址请填写到门牌号" : "材料齐全" };
        if (outcome == "approve" && tasks.AsArray()[0]!["step"]!.GetValue<string>().StartsWith("核验：幕布照片", StringComparison.Ordinal))
        {
            var checks = ProvinceRuleDefaults.Set.For("440000").AuthenticityChecks ?? [];
            body["checklist"] = new JsonArray([.. checks.Select(c => (JsonNode)LabelCatalogue.Of(LabelSet.AuthenticityCheck, c, false))]);
        }

        if (outcome == "return")
        {
            body["reasonCodes"] = new JsonArray("address-not-detailed");
            body["items"] = new JsonArray(new JsonObject { ["path"] = "subject.mailingAddress", ["reason"] = "通信地址请写到门牌号" });
        }

        await SendAsync(http, reviewer, HttpMethod.Post, $"/api/tasks/{taskId}/complete", body, ct);
    }

    private static async Task UploadAsync(
        HttpClient http, AuthenticationHeaderValue console, string id, string kind, int? website, MaterialImages.Facts facts, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        if (website is not null) form.Add(new StringContent(website.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "website");
        form.Add(new ByteArrayContent(MaterialImages.Draw(kind, facts)!), "file", $"{kind}.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/filings/{id}/materials") { Content = form };
        request.Headers.Authorization = console;
        (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonNode?> SendAsync(HttpClient http, AuthenticationHeaderValue auth, HttpMethod method, string url, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Demo seeding: {method} {url} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task<string> TokenAsync(HttpClient http, string username, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/api/tokens", new { username, password = DemoAccounts.Password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
