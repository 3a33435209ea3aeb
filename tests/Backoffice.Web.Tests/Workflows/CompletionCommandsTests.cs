using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Xunit.Abstractions;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// What completing one review task costs the database: the order, the task and its instance are read in one round
/// trip, the instance is not read again, the reason catalogue only when reasons are given (once), and the step's
/// writes go in one batch with the commit. The request's own commands (its log scope, the token) are counted too.
/// </summary>
public sealed class CompletionCommandsTests(ITestOutputHelper output)
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Approving_a_task_reads_its_instance_once_in_five_database_commands()
    {
        var (commands, instanceReads) = await CompleteAsync(new JsonObject { ["outcome"] = "approve", ["comment"] = "通过" });

        output.WriteLine($"approve: {commands.Length} commands, {instanceReads} reading workflow_instances\n{string.Join("\n", commands)}");
        Assert.Equal(1, instanceReads);
        Assert.DoesNotContain(commands, c => c.Contains("from reason_codes", StringComparison.Ordinal));
        Assert.InRange(commands.Length, 1, 5);
    }

    [Fact]
    public async Task Returning_a_task_reads_its_instance_and_reasons_once_in_six_database_commands()
    {
        var (commands, instanceReads) = await CompleteAsync(new JsonObject
        {
            ["outcome"] = "return", ["reasonCodes"] = new JsonArray("certificate-unclear"), ["comment"] = "请补充",
        });

        output.WriteLine($"return: {commands.Length} commands, {instanceReads} reading workflow_instances\n{string.Join("\n", commands)}");
        Assert.Equal(1, instanceReads);
        Assert.Single(commands, c => c.Contains("from reason_codes", StringComparison.Ordinal));
        Assert.InRange(commands.Length, 1, 6);
    }

    /// <summary>
    /// Completes the first review of a new order; the database commands of that one request, found by the trace the
    /// request is sent in (other tests' commands run in their own traces).
    /// </summary>
    private async Task<(string[] Commands, int InstanceReads)> CompleteAsync(JsonObject body)
    {
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var reviewer = await _app.SignedInAs("reviewer");
        await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);
        var trace = ActivityTraceId.CreateRandom();
        var commands = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    lock (commands)
                    {
                        commands.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await (await reviewer.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);

        string[] texts;
        lock (commands)
        {
            texts = [.. commands.Select(a => (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName).ToString()!)];
        }

        return (texts, texts.Count(c => c.Contains("from workflow_instances", StringComparison.Ordinal)));
    }
}
