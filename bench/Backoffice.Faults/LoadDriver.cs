using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings.Rules;

namespace Backoffice.Faults;

/// <summary>
/// Creates the orders, then moves each one step at a time (round robin, so all are in flight at once)
/// from draft to approved as the console, a reviewer and the bureau liaison would; every bureau event
/// is sent twice, a bureau approval is sent early (before the SMS verification) and a rejection late
/// (after the approval), and none of those may apply. Each step reads the order first, so a step whose answer was lost to a crash is not
/// done twice. Publishes a new version of the new-filing definition once the load is under way (compliance
/// asks, compliance2 approves).
/// </summary>
public sealed class LoadDriver(Uri baseUrl, int orders, int concurrency)
{
    private static readonly string[] Materials = ["business-license", "id-card-front", "id-card-back", "verification-form"];
    private int _steps;
    private int _approved;
    private int _duplicateEvents;
    private int _duplicatesApplied;
    private int _earlyResults;
    private int _lateResults;
    private int _earlyOrLateApplied;
    private int _publishedVersion;
    private readonly ConcurrentBag<string> _unexpected = [];

    public async Task<int> RunAsync(TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var api = new ApiClient(baseUrl, DateTimeOffset.UtcNow + limit);
        await api.SignInAsync("reviewer", "liaison", "compliance", "compliance2");
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, orders), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
            ids.Add((await api.PostAsync("console", "/api/filings", NewOrder())).Body!["id"]!.GetValue<string>()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CREATED {ids.Count} orders in {watch.Elapsed.TotalSeconds:F1} s"));

        var queue = new ConcurrentQueue<string>(ids);
        var published = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id) && watch.Elapsed < limit)
            {
                if (!await StepAsync(api, id))
                {
                    queue.Enqueue(id);
                }

                if (Volatile.Read(ref _steps) >= orders * 3 && Interlocked.Exchange(ref published, 1) == 0)
                {
                    await PublishNewVersionAsync(api);
                }
            }
        }));
        await Task.WhenAll(workers);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DRIVEN {_approved} of {orders} orders approved in {watch.Elapsed.TotalSeconds:F1} s; {_steps} steps, "
            + $"{_duplicateEvents} duplicate bureau events sent ({_duplicatesApplied} applied), "
            + $"{_earlyResults} approvals sent before the SMS verification and {_lateResults} rejections after the approval ({_earlyOrLateApplied} applied), "
            + $"{api.Retries} calls retried through faults, new definition version published under load: {_publishedVersion}"));
        foreach (var problem in _unexpected.Take(20))
        {
            Console.WriteLine("UNEXPECTED " + problem);
        }

        return _unexpected.IsEmpty && _approved == orders ? 0 : 1;
    }

    /// <summary>One step of one order; true once the order is approved (or stuck in a state the load never leads to).</summary>
    private async Task<bool> StepAsync(ApiClient api, string id)
    {
        var url = $"/api/filings/{id}";
        var order = (await api.GetAsync("console", url)).Body!;
        var status = order["status"]!.GetValue<string>();
        Interlocked.Increment(ref _steps);
        switch (status)
        {
            case "approved":
                await OutOfOrderAsync(api, id, new JsonObject { ["filingId"] = id, ["kind"] = "rejected", ["reasonCodes"] = new JsonArray("domain-holder-mismatch") });
                Interlocked.Increment(ref _lateResults);
                Interlocked.Increment(ref _approved);
                return true;
            case "draft":
                foreach (var kind in Materials.Except(Kinds(order)))
                {
                    await api.UploadAsync($"{url}/materials", kind, Photo(1), kind == "verification-form" ? 0 : null);
                }

                await api.PostAsync("console", $"{url}/submit", new JsonObject());
                return false;
            case "sms-verification":
                await OutOfOrderAsync(api, id, new JsonObject { ["filingId"] = id, ["kind"] = "approved" });
                Interlocked.Increment(ref _earlyResults);
                await BureauTwiceAsync(api, id, "sms-verified");
                return false;
            case "bureau-review":
                await BureauTwiceAsync(api, id, "approved");
                return false;
            case "submitted" or "initial-review" or "verification" or "second-review":
                await ReviewAsync(api, id, url, status, order);
                return false;
            case "at-bureau":
                return false;
            default:
                _unexpected.Add($"{order["orderNumber"]} is {status}");
                return true;
        }
    }

    private static async Task ReviewAsync(ApiClient api, string id, string url, string status, JsonNode order)
    {
        var tasks = (await api.GetAsync("reviewer", $"/api/tasks?scope=team&status=open&filingId={id}")).Body!.AsArray();
        if (tasks.Count > 0)
        {
            var task = tasks[0]!["id"]!.GetValue<string>();
            var decision = new JsonObject { ["outcome"] = "approve", ["checklist"] = tasks[0]!["requiredChecklist"]!.DeepClone() };

            await api.PostAsync("reviewer", $"/api/tasks/{task}/claim", new JsonObject());
            await api.PostAsync("reviewer", $"/api/tasks/{task}/complete", decision);
        }
        else if (status == "verification")
        {
            if (!Kinds(order).Contains("curtain-photo"))
            {
                await api.UploadAsync($"{url}/materials", "curtain-photo", Photo(2));
            }

            await api.PostAsync("console", $"{url}/submit", new JsonObject());
        }
    }

    private async Task BureauTwiceAsync(ApiClient api, string id, string kind)
    {
        var body = new JsonObject { ["filingId"] = id, ["kind"] = kind };
        await api.PostAsync("liaison", "/api/bureau/events", body);
        var again = await api.PostAsync("liaison", "/api/bureau/events", body);
        Interlocked.Increment(ref _duplicateEvents);
        if (again.Status != HttpStatusCode.Accepted || again.Body!["applied"]!.GetValue<bool>())
        {
            Interlocked.Increment(ref _duplicatesApplied);
            _unexpected.Add($"duplicate {kind} for {id} answered {(int)again.Status} {again.Body?.ToJsonString()}");
        }
    }

    /// <summary>A bureau event the order is not waiting for: recorded, answered 202 and not applied.</summary>
    private async Task OutOfOrderAsync(ApiClient api, string id, JsonObject body)
    {
        var answer = await api.PostAsync("liaison", "/api/bureau/events", body);
        if (answer.Status != HttpStatusCode.Accepted || answer.Body!["applied"]!.GetValue<bool>())
        {
            Interlocked.Increment(ref _earlyOrLateApplied);
            _unexpected.Add($"{body["kind"]} out of order for {id} answered {(int)answer.Status} {answer.Body?.ToJsonString()}");
        }
    }

    private async Task PublishNewVersionAsync(ApiClient api)
    {
        var list = (await api.GetAsync("compliance", "/api/workflow-definitions")).Body!.AsArray();
        var published = list.Single(d => d!["id"]!.GetValue<string>() == "new-filing")!["publishedVersion"]!.GetValue<int>();
        var document = (await api.GetAsync("compliance", $"/api/workflow-definitions/new-filing/versions/{published}")).Body!.AsObject();
        document["name"] = document["name"]!.GetValue<string>() + "（修订）";
        await api.PutAsync("compliance", "/api/workflow-definitions/new-filing/draft", document);
        var answer = await api.PostAsync("compliance", "/api/workflow-definitions/new-filing/publish", new JsonObject { ["note"] = "published under load" });
        var candidate = answer.Body?["version"]?.GetValue<int>() ?? -1;
        var approval = await api.PostAsync("compliance2", $"/api/workflow-definitions/new-filing/versions/{candidate}/approve",
            new JsonObject { ["note"] = "approved under load" });
        _publishedVersion = approval.Body?["state"]?.GetValue<string>() == "published" ? candidate : -1;
    }

    private static HashSet<string> Kinds(JsonNode order) =>
        [.. order["materials"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>())];

    public static byte[] Photo(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0; bytes[^2] = 0xFF; bytes[^1] = 0xD9;
        return bytes;
    }

    public static JsonObject NewOrder()
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var uscc = UnifiedSocialCreditCode.Create("91", "440300", string.Concat(Enumerable.Range(0, 8).Select(_ => chars[RandomNumberGenerator.GetInt32(chars.Length)])));
        var domain = $"f{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.com";
        var ip = string.Create(CultureInfo.InvariantCulture, $"101.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(1, 255)}");
        var principalId = ResidentIdNumber.Create("440305", new DateOnly(1990, 3, 14).AddDays(RandomNumberGenerator.GetInt32(0, 3000)), RandomNumberGenerator.GetInt32(0, 1000));
        return new JsonObject
        {
            ["verificationMethod"] = "curtain-photo",
            ["subject"] = new JsonObject
            {
                ["nature"] = "enterprise", ["province"] = "440000", ["name"] = "深圳市故障演练科技有限公司", ["certificateType"] = "uscc",
                ["certificateNumber"] = uscc, ["certificateAddress"] = "深圳市南山区科技园科苑路8号",
                ["mailingAddress"] = "深圳市南山区科技园科苑路8号1201室", ["investorOrAuthority"] = "深圳市故障演练科技有限公司",
                ["principal"] = new JsonObject
                {
                    ["name"] = "张三", ["certificateType"] = "resident-id", ["certificateNumber"] = principalId,
                    ["mobile"] = "13800138000", ["officePhone"] = "086-0755-12345678", ["email"] = "ops@example.com",
                },
            },
            ["websites"] = new JsonArray(new JsonObject
            {
                ["name"] = "故障演练官网", ["domains"] = new JsonArray(domain), ["homepageUrls"] = new JsonArray($"www.{domain}"),
                ["serviceContent"] = "corporate-portal", ["preApprovals"] = new JsonArray(), ["languages"] = new JsonArray("zh-Hans"),
                ["accessResource"] = new JsonObject { ["kind"] = "instance-ip", ["value"] = ip }, ["principal"] = null, ["remark"] = "",
            }),
        };
    }
}
