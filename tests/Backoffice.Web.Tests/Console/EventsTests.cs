using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Console;

/// <summary>GET /api/events: every change the console must learn of, in commit order, no gaps, no repeats, across restarts.</summary>
public sealed class EventsTests
{
    [Fact]
    public async Task A_return_and_the_status_changes_around_it_read_in_order_after_a_restart()
    {
        string cursor;
        Flow flow;
        using (var before = new TestApp(testMode: true))
        {
            cursor = await HeadAsync(before);
            flow = await Flow.SubmittedAsync(before);
            await flow.CompleteAsync("return", "reviewer", "certificate-unclear");
        }

        using var after = new TestApp(testMode: true);
        var (ours, events, next) = await ReadOrderAsync(after, cursor, flow.Id, 4);
        Assert.Equal(["order.status-changed:submitted", "order.status-changed:initial-review", "order.returned:", "order.status-changed:returned"],
            ours.Select(e => $"{e["type"]}:{e["data"]!["status"]}").ToList());
        var returned = ours.Single(e => e["type"]!.GetValue<string>() == "order.returned")["data"]!;
        Assert.Equal("certificate-unclear", returned["reasons"]![0]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(returned["items"]![0]!["label"]!.GetValue<string>()));
        Assert.Equal("initial-review", ours[^1]["data"]!["previousStatus"]!.GetValue<string>());

        var resumed = new Flow(after, flow.Id);
        await resumed.SubmitAsync();
        var (laterOurs, _, _) = await ReadOrderAsync(after, next, flow.Id, 1);
        Assert.NotEmpty(laterOurs);
        Assert.DoesNotContain(laterOurs, e => events.Any(x => x["id"]!.GetValue<string>() == e["id"]!.GetValue<string>()));
        Assert.Equal("submitted", laterOurs[0]["data"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reader_paging_while_orders_commit_concurrently_gets_every_event_once()
    {
        var app = TestApp.Instance;
        var cursor = await HeadAsync(app);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var client = app.Console();
            while (!done.IsCancellationRequested)
            {
                var page = await client.GetAsync($"/api/events?after={cursor}&limit=7").ExpectAsync(HttpStatusCode.OK);
                foreach (var item in page["items"]!.AsArray()) seen.Enqueue(item!["id"]!.GetValue<string>());
                cursor = page["next"]!.GetValue<string>();
                if (page["items"]!.AsArray().Count == 0) await Task.Delay(20);
            }
        });
        var flows = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Flow.SubmittedAsync(app)));
        await using var db = await TestApp.OpenDatabaseAsync();
        var written = (await db.QueryAsync<Guid>("select id from order_events where order_id = any(@ids)",
            new { ids = flows.Select(f => Guid.Parse(f.Id)).ToArray() })).Select(g => g.ToString()).ToHashSet();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!written.IsSubsetOf(seen) && DateTime.UtcNow < until) await Task.Delay(100);
        await done.CancelAsync();
        await reader;

        var running = string.Join("\n", await db.QueryAsync<string>(
            "select concat_ws(' ', pid, backend_xid, state, now() - xact_start, left(query, 120)) from pg_stat_activity where backend_xid is not null"));
        Assert.True(written.Count >= 24, $"only {written.Count} events written");
        Assert.True(written.IsSubsetOf(seen), $"{written.Except(seen).Count()} of {written.Count} events not read; cursor {cursor}; transactions holding ids:\n{running}");
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=1.2.3", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task A_bad_cursor_or_limit_is_a_field_error(string query, string field)
    {
        var problem = await TestApp.Instance.Console().GetAsync($"/api/events?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorCodes().Keys);
    }

    [Fact]
    public async Task Staff_other_than_admins_cannot_read_the_events()
    {
        var reviewer = await TestApp.Instance.SignedInAs("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/events")).StatusCode);
    }

    /// <summary>
    /// Reads from <paramref name="cursor"/> until at least <paramref name="count"/> events of the order are readable, for
    /// up to 30 seconds: a committed event stays unread while a transaction that began before it is still open elsewhere.
    /// </summary>
    private static async Task<(List<JsonNode> Ours, List<JsonNode> All, string Next)> ReadOrderAsync(TestApp app, string cursor, string orderId, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (events, next) = await ReadAllAsync(app, cursor);
            var ours = events.Where(e => e["data"]!["orderId"]!.GetValue<string>() == orderId).ToList();
            if (ours.Count >= count || DateTime.UtcNow > until)
            {
                return (ours, events, next);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The cursor after every event committed so far.</summary>
    internal static async Task<string> HeadAsync(TestApp app) => (await ReadAllAsync(app, "")).Next;

    internal static async Task<(List<JsonNode> Events, string Next)> ReadAllAsync(TestApp app, string cursor)
    {
        var events = new List<JsonNode>();
        var client = app.Console();
        while (true)
        {
            var page = await client.GetAsync($"/api/events?after={cursor}&limit=1000").ExpectAsync(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            events.AddRange(items.Select(i => i!.DeepClone()));
            cursor = page["next"]!.GetValue<string>();
            if (items.Count < 1000) return (events, cursor);
        }
    }
}
