using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Backoffice.Faults;

/// <summary>
/// The desk under a working day's load: N closed-loop clients (each sends its next call when the last is answered)
/// mixing what consoles, reviewers and leads do: create an order, upload its four materials and submit it; list orders
/// as a reviewer, search them, read one; list the team's tasks, claim and complete one of an order submitted in this
/// run; open the lead board; and /healthz as the baseline. Prints p50/p95/p99 per kind of call. Nothing is retried:
/// an error is counted. <paramref name="background"/> orders of bench/Backoffice.Bench/InboxSeed.sql are searched by
/// number and name.
/// </summary>
public sealed partial class DeskLoad(Uri baseUrl, int clients, TimeSpan duration, int background)
{
    private static readonly string[] Materials = ["business-license", "id-card-front", "id-card-back", "verification-form"];
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentQueue<string> _submitted = new();
    private readonly ConcurrentBag<string> _created = [];
    private readonly Dictionary<string, string> _tokens = [];
    private string _leadCookie = "";

    public async Task<int> RunAsync()
    {
        foreach (var user in new[] { "reviewer", "compliance" })
        {
            var answer = await _http.PostAsync("/api/tokens", Json(new JsonObject { ["username"] = user, ["password"] = "Passw0rd!" }));
            _tokens[user] = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        }

        _leadCookie = await SignInAsync("lead");
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, watch))));
        var seconds = watch.Elapsed.TotalSeconds;
        var total = _times.Values.Sum(t => t.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DESK {clients} {(clients == 1 ? "client (alone)" : "clients")}, {seconds:F0} s: {total} requests, {total / seconds:F1} requests/s, {_errors.Values.Sum()} errors"));
        Console.WriteLine($"{"kind of call",-24} {"calls",7} {"errors",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        foreach (var (kind, times) in _times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-24} {sorted.Length,7} {_errors.GetValueOrDefault(kind),7} {Percentile(sorted, 0.50),8:F1} {Percentile(sorted, 0.95),8:F1} {Percentile(sorted, 0.99),8:F1}"));
        }

        return _errors.IsEmpty ? 0 : 1;
    }

    private async Task ClientAsync(int index, Stopwatch watch)
    {
        var random = new Random(index);
        string? draft = null;
        var uploaded = 0;
        while (watch.Elapsed < duration)
        {
            var pick = random.Next(100);
            if (pick < 30)
            {
                if (draft is null)
                {
                    var created = await CallAsync("create order", HttpMethod.Post, "/api/filings", "console", () => Json(LoadDriver.NewOrder()));
                    draft = created?["id"]?.GetValue<string>();
                    uploaded = 0;
                    if (draft is not null) _created.Add(draft);
                }
                else if (uploaded < Materials.Length)
                {
                    await CallAsync("upload material", HttpMethod.Post, $"/api/filings/{draft}/materials", "console", () => Material(Materials[uploaded], uploaded));
                    uploaded++;
                }
                else
                {
                    await CallAsync("submit order", HttpMethod.Post, $"/api/filings/{draft}/submit", "console", () => Json(new JsonObject()));
                    _submitted.Enqueue(draft);
                    draft = null;
                }
            }
            else if (pick < 40) await CallAsync("list orders (reviewer)", HttpMethod.Get, "/api/filings?pageSize=20", "reviewer");
            else if (pick < 50) await CallAsync("search orders (q)", HttpMethod.Get, $"/api/filings?q={Uri.EscapeDataString(SearchText(random))}", "compliance");
            else if (pick < 60 && _created.TryPeek(out _)) await CallAsync("read order", HttpMethod.Get, $"/api/filings/{_created.ElementAt(random.Next(Math.Min(_created.Count, 50)))}", "console");
            else if (pick < 70) await CallAsync("list tasks (reviewer)", HttpMethod.Get, "/api/tasks?scope=team&status=open", "reviewer");
            else if (pick < 80) await ReviewAsync();
            else if (pick < 90) await CallAsync("lead board", HttpMethod.Get, "/board", null, cookie: _leadCookie);
            else await CallAsync("healthz (baseline)", HttpMethod.Get, "/healthz", null);
        }
    }

    /// <summary>Claims and approves the open task of an order submitted in this run (one still in the engine goes back in the queue).</summary>
    private async Task ReviewAsync()
    {
        if (!_submitted.TryDequeue(out var id))
        {
            return;
        }

        var tasks = await CallAsync("list tasks of order", HttpMethod.Get, $"/api/tasks?scope=team&status=open&filingId={id}", "reviewer");
        if (tasks is not JsonArray { Count: > 0 } open)
        {
            _submitted.Enqueue(id);
            return;
        }

        var task = open[0]!["id"]!.GetValue<string>();
        await CallAsync("claim task", HttpMethod.Post, $"/api/tasks/{task}/claim", "reviewer", () => Json(new JsonObject()));
        await CallAsync("complete task", HttpMethod.Post, $"/api/tasks/{task}/complete", "reviewer", () => Json(new JsonObject { ["outcome"] = "approve" }));
    }

    private string SearchText(Random random)
    {
        if (background > 0)
        {
            var i = random.Next(1, background + 1);
            return random.Next(2) == 0 ? "BB" + i.ToString("D14", CultureInfo.InvariantCulture) : "基准测试主体" + i.ToString(CultureInfo.InvariantCulture);
        }

        return "深圳市故障演练";
    }

    private async Task<JsonNode?> CallAsync(string kind, HttpMethod method, string path, string? user, Func<HttpContent>? content = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user == "console" ? "test-console-key" : _tokens[user]);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            _times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                return null;
            }

            return response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return null;
        }
    }

    /// <summary>The staff cookie of a sign-in through the form, as a browser gets it.</summary>
    private async Task<string> SignInAsync(string username)
    {
        using var page = await _http.GetAsync("/sign-in");
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = HiddenToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Username"] = username, ["Password"] = "Passw0rd!", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        using var signedIn = await _http.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || !signedIn.Headers.TryGetValues("Set-Cookie", out var set))
        {
            throw new InvalidOperationException($"{username} could not sign in: {(int)signedIn.StatusCode}");
        }

        return string.Join("; ", set.Select(c => c.Split(';')[0]).Append(cookies));
    }

    private static HttpContent Material(string kind, int index)
    {
        var file = new ByteArrayContent(LoadDriver.Photo(index + 1));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", kind + ".jpg" } };
        if (kind == "verification-form")
        {
            form.Add(new StringContent("0"), "website");
        }

        return form;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
