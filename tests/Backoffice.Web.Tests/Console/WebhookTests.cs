using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Console;

/// <summary>
/// Webhooks per the Standard Webhooks specification, received by a small HTTP server inside the test: signed with the
/// secret the registration answered, retried after a 500, logged per delivery and counted in the metrics; private addresses refused outside test mode.
/// </summary>
public sealed class WebhookTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Status_changes_arrive_signed_and_a_500_is_retried_until_delivered()
    {
        using var receiver = new Receiver(failFirst: 1);
        var console = _app.Console();
        var hook = await console.PostJsonAsync("/api/webhooks", new JsonObject
        {
            ["url"] = receiver.Url, ["types"] = new JsonArray("order.status-changed"),
        }).ExpectAsync(HttpStatusCode.Created);
        var secret = hook["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var flow = await Flow.SubmittedAsync(_app);
        var arrived = await receiver.WaitAsync(r => r.Body["data"]?["orderId"]?.GetValue<string>() == flow.Id && r.Answered == 200, TimeSpan.FromSeconds(30));

        Assert.Equal("order.status-changed", arrived.Body["type"]!.GetValue<string>());
        Assert.True(Verify(secret, arrived), "the webhook-signature does not verify with the secret");
        Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(arrived.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture)) < 300);
        var first = receiver.Requests.First(r => r.Headers["webhook-id"] == arrived.Headers["webhook-id"]);
        Assert.Equal(500, first.Answered);
        Assert.NotSame(first, arrived);

        var hookId = hook["id"]!.GetValue<string>();
        var logged = await DeliveredAsync(console, hookId, arrived.Headers["webhook-id"]);
        // At least the 500 and the 200: a node of another test app outside test mode, on the same database, may also
        // take the retry and refuse the loopback address (an attempt of its own) before a test-mode node delivers it.
        Assert.True(logged["attempts"]!.GetValue<int>() >= 2);
        Assert.Equal(200, logged["lastStatus"]!.GetValue<int>());
        Assert.NotNull(logged["deliveredAt"]);
        var metrics = await (await (await _app.SignedInAs("admin")).GetAsync("/api/metrics")).Content.ReadAsStringAsync();
        Assert.Matches("backoffice_webhook_deliveries_total\\{[^}]*outcome=\"retry\"", metrics);
        Assert.Matches("backoffice_webhook_deliveries_total\\{[^}]*outcome=\"delivered\"", metrics);
        Assert.Contains("backoffice_webhook_delivery_duration_seconds_bucket", metrics, StringComparison.Ordinal);

        var rotated = await console.PostEmptyAsync($"/api/webhooks/{hookId}/rotate-secret").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(secret, rotated["secret"]!.GetValue<string>());
        await console.DeleteAsync($"/api/webhooks/{hookId}").ExpectAsync(HttpStatusCode.NoContent);
        var listed = await console.GetAsync("/api/webhooks").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.AsArray(), w => w!["id"]!.GetValue<string>() == hookId);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook", "webhook-url-private")]
    [InlineData("http://10.1.2.3/hook", "webhook-url-private")]
    [InlineData("http://192.168.1.1/hook", "webhook-url-private")]
    [InlineData("http://[::1]/hook", "webhook-url-private")]
    [InlineData("http://localhost/hook", "webhook-url-private")]
    [InlineData("ftp://example.com/hook", "webhook-url-format")]
    public async Task Outside_test_mode_a_url_on_a_private_address_is_refused(string url, string code)
    {
        using var app = new TestApp(testMode: false);
        var admin = await app.SignedInAs("admin");
        var problem = await admin.PostJsonAsync("/api/webhooks", new JsonObject { ["url"] = url, ["types"] = new JsonArray("order.returned") })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal([code], problem.ErrorCodes()["url"]);
    }

    [Fact]
    public async Task An_unknown_event_type_is_a_field_error()
    {
        var problem = await _app.Console().PostJsonAsync("/api/webhooks", new JsonObject
        {
            ["url"] = "http://127.0.0.1:9/hook", ["types"] = new JsonArray("order.status-changed", "order.exploded"),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-choice"], problem.ErrorCodes()["types[1]"]);
    }

    /// <summary>The delivery log's row of the event once the dispatcher has recorded the answer it got.</summary>
    private static async Task<JsonNode> DeliveredAsync(HttpClient console, string hookId, string eventId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var deliveries = await console.GetAsync($"/api/webhooks/{hookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
            var row = deliveries.AsArray().Single(d => d!["eventId"]!.GetValue<string>() == eventId)!;
            if (row["deliveredAt"] is not null || DateTime.UtcNow > until) return row;
            await Task.Delay(100);
        }
    }

    /// <summary>Standard Webhooks verification, written from the specification: HMAC-SHA256 over "{id}.{timestamp}.{body}".</summary>
    private static bool Verify(string secret, Received request)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{request.Headers["webhook-id"]}.{request.Headers["webhook-timestamp"]}.{request.Text}";
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
        return request.Headers["webhook-signature"].Split(' ').Contains(expected);
    }

    internal sealed record Received(Dictionary<string, string> Headers, string Text, JsonNode Body, int Answered);

    /// <summary>An HTTP receiver on a loopback port that answers 500 to the first <c>failFirst</c> requests of each webhook-id.</summary>
    internal sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _seen = new();
        private readonly int _failFirst;

        public Receiver(int failFirst)
        {
            _failFirst = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ListenAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<Received> Requests { get; } = new();

        public async Task<Received> WaitAsync(Func<Received, bool> match, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < until)
            {
                if (Requests.FirstOrDefault(match) is { } found) return found;
                await Task.Delay(100);
            }

            throw new TimeoutException($"no matching webhook within {timeout}; received {Requests.Count}");
        }

        public void Dispose() => _listener.Close();

        private async Task ListenAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var text = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
                var id = headers.GetValueOrDefault("webhook-id", "");
                var count = _seen.AddOrUpdate(id, 1, (_, n) => n + 1);
                var status = count <= _failFirst ? 500 : 200;
                Requests.Enqueue(new Received(headers, text, JsonNode.Parse(text)!, status));
                context.Response.StatusCode = status;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
