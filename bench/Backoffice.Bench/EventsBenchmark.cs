using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The events benchmark (docs/CONSOLE.md): the web app in test mode on a loopback port, a webhook registered for every
/// event type pointing at a <see cref="WebhookReceiver"/>, and N orders moved from draft to approved over the API by C
/// clients at once. Prints the events written per second while the orders move, the webhook delivery latency (from the
/// event's occurredAt to its arrival at the receiver) p50/p95/max, and how fast the pull feed reads them all back.
/// </summary>
public static class EventsBenchmark
{
    public static async Task RunAsync(int orders, int concurrency)
    {
        await using var bench = await BenchApp.StartAsync(
            new Dictionary<string, string> { ["Backoffice:TestMode"] = "true", ["Backoffice:SignInsPerMinute"] = "10000" });
        var address = bench.Address;
        var dataSource = bench.DataSource;

        await using var receiver = new WebhookReceiver();
        var hook = await receiver.StartAsync();
        using var console = new HttpClient { BaseAddress = address };
        console.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-console-key");
        var registered = await (await console.PostAsJsonAsync("/api/webhooks", new { url = hook, types = OrderEvents.Types })).Content.ReadFromJsonAsync<JsonObject>();
        receiver.Secret = registered!["secret"]!.GetValue<string>();

        var mover = new OrderMover(address);
        await mover.SignInAsync();
        var load = Load();
        Console.WriteLine($"Events benchmark: {orders} new-filing orders moved from draft to approved over the API by {concurrency} clients at once;");
        Console.WriteLine("one webhook subscribed to every event type, its receiver checking each Standard Webhooks signature.");
        var before = await CountAsync(dataSource);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, orders), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await mover.MoveAsync(i));
        var moving = watch.Elapsed;
        var written = await CountAsync(dataSource) - before;
        while (receiver.LatenciesMs.Count < written && watch.Elapsed < moving + TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
        }

        var drained = watch.Elapsed - moving;
        var latencies = receiver.LatenciesMs.Order().ToList();
        var (read, reading) = await ReadFeedAsync(console);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            orders moved                  {orders} in {moving.TotalSeconds:F1} s ({orders / moving.TotalSeconds:F1} orders/s)
            events written                {written} ({written / moving.TotalSeconds:F1} events/s while the orders moved)
            webhook deliveries received   {latencies.Count} of {written} (last one {drained.TotalSeconds:F1} s after the orders stopped), {receiver.Duplicates} repeated, {receiver.BadSignatures} with a bad signature
            delivery latency (ms)         p50 {Percentile(latencies, 0.50):F0}   p95 {Percentile(latencies, 0.95):F0}   p99 {Percentile(latencies, 0.99):F0}   max {Percentile(latencies, 1):F0}
            pull feed GET /api/events     {read} events read back in {reading.TotalSeconds:F1} s ({read / reading.TotalSeconds:F0} events/s, pages of 1000)
            load average                  before {load}, after {Load()} (1, 5, 15 min; {Environment.ProcessorCount} cores)
            """));
    }

    private static async Task<(int Read, TimeSpan Elapsed)> ReadFeedAsync(HttpClient console)
    {
        var watch = Stopwatch.StartNew();
        var read = 0;
        string? cursor = null;
        while (true)
        {
            var page = await console.GetFromJsonAsync<JsonObject>(cursor is null ? "/api/events?limit=1000" : $"/api/events?limit=1000&after={cursor}");
            var items = page!["items"]!.AsArray();
            read += items.Count;
            if (items.Count == 0)
            {
                return (read, watch.Elapsed);
            }

            cursor = page["next"]!.GetValue<string>();
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select count(*) from order_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
