using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Backoffice.Bench;

/// <summary>
/// The operations benchmark (docs/ENGINE.md, "Impact preview and migration dry run"): seeds 100,000
/// new-filing orders (OperationsSeed.sql: 10,000 running on version 1, 30,000 on version 2, 60,000
/// finished), starts the web app on a loopback port and times, as a compliance manager through the API,
/// the impact preview of version 1 → 2 and the dry run migrating the 10,000 instances of version 1.
/// Times are the client's, request to answer; the medians of the runs are printed.
/// </summary>
public static class OperationsBenchmark
{
    public static async Task RunAsync(int previews, int dryRuns)
    {
        await using var bench = await BenchApp.StartAsync(new Dictionary<string, string> { ["Backoffice:DemoData"] = "true" });

        var watch = Stopwatch.StartNew();
        await bench.SeedAsync("OperationsSeed.sql", "filing_orders, workflow_instances, workflow_bookmarks, review_tasks");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded 100,000 orders (10,000 running on new-filing v1) in {watch.Elapsed.TotalSeconds:F0} s"));

        using var client = await bench.ApiClientAsync("compliance", TimeSpan.FromMinutes(5));

        var preview = await TimeAsync(previews, async () =>
        {
            var answer = await client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/new-filing/impact?from=1&to=2");
            return answer!["runningOnFrom"]!.GetValue<int>();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"impact preview v1 → v2 ({preview.Count:N0} running on v1): median {preview.Median:F1} ms over {previews} requests (target < 200 ms)"));

        var body = new JsonObject { ["fromVersion"] = 1, ["toVersion"] = 2, ["mapping"] = new JsonObject(), ["dryRun"] = true };
        var dryRun = await TimeAsync(dryRuns, async () =>
        {
            var response = await client.PostAsJsonAsync("/api/workflow-definitions/new-filing/migrations", body);
            response.EnsureSuccessStatusCode();
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return answer["results"]!.AsArray().Count;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"migration dry run v1 → v2 ({dryRun.Count:N0} instances): median {dryRun.Median:F0} ms over {dryRuns} runs (target < 10,000 ms)"));
    }

    private static async Task<(double Median, int Count)> TimeAsync(int runs, Func<Task<int>> run)
    {
        var count = await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            count = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(times.Count / 2), count);
    }
}
