using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Backoffice.Bench;

/// <summary>
/// The console's side of the webhooks in the events benchmark: a loopback endpoint that checks each delivery's Standard
/// Webhooks signature with the registered secret and notes when it arrived against the event's <c>occurredAt</c>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> _latencies = new();
    private int _duplicates;
    private int _badSignatures;
    private WebApplication? _app;

    public string Secret { get; set; } = "";

    public IReadOnlyCollection<double> LatenciesMs => [.. _latencies.Values];

    public int Duplicates => _duplicates;

    public int BadSignatures => _badSignatures;

    public async Task<string> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"].ToString();
            if (!Verified(id, context.Request.Headers["webhook-timestamp"].ToString(), body, context.Request.Headers["webhook-signature"].ToString()))
            {
                Interlocked.Increment(ref _badSignatures);
                return Results.StatusCode(400);
            }

            var occurred = JsonNode.Parse(body)!["occurredAt"]!.GetValue<DateTimeOffset>();
            if (!_latencies.TryAdd(id, (arrived - occurred).TotalMilliseconds))
            {
                Interlocked.Increment(ref _duplicates);
            }

            return Results.NoContent();
        });
        await _app.StartAsync();
        return _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
    }

    /// <summary>Standard Webhooks: any <c>v1,</c> signature equal to base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
    private bool Verified(string id, string timestamp, string body, string signatures)
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return signatures.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
