using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// What completing one review task costs the database: the order, the task and its instance are read in one round
/// trip, the instance is not read again, and the step's writes go in one batch with the commit.
/// </summary>
public sealed class CompletionCommandsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Approving_a_task_reads_its_instance_once_in_a_handful_of_database_commands()
    {
        var (commands, instanceReads) = await CompleteAsync(new JsonObject { ["outcome"] = "approve", ["comment"] = "通过" });

        output.WriteLine($"approve: {commands.Length} commands, {instanceReads} reading workflow_instances\n{string.Join("\n", commands)}");
        Assert.Equal(1, instanceReads);
    }

    [Fact]
    public async Task Returning_a_task_reads_its_instance_once_in_a_handful_of_database_commands()
    {
        var (commands, instanceReads) = await CompleteAsync(new JsonObject
        {
            ["outcome"] = "return", ["reasonCodes"] = new JsonArray("certificate-unclear"), ["comment"] = "请补充",
        });

        output.WriteLine($"return: {commands.Length} commands, {instanceReads} reading workflow_instances\n{string.Join("\n", commands)}");
        Assert.Equal(1, instanceReads);
    }

    /// <summary>Completes the first review of a new order on a node of its own; the database commands of that one request.</summary>
    private static async Task<(string[] Commands, int InstanceReads)> CompleteAsync(JsonObject body)
    {
        var exported = new List<Activity>();
        using var node = new TestApp(testMode: true, services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        var flow = await Flow.SubmittedAsync(node);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var reviewer = await node.SignedInAs("reviewer");
        await reviewer.PostEmptyAsync($"/api/tasks/{taskId}/claim").ExpectAsync(HttpStatusCode.OK);

        await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", body).ExpectAsync(HttpStatusCode.OK);

        var path = $"/api/tasks/{taskId}/complete";
        Activity[] spans = [];
        Activity? request = null;
        for (var i = 0; i < 50 && request is null; i++)
        {
            await Task.Delay(100);
            lock (exported)
            {
                spans = [.. exported];
            }

            request = spans.FirstOrDefault(a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string) == path);
        }

        Assert.NotNull(request);
        var commands = spans.Where(a => a.Source.Name == "Npgsql" && a.TraceId == request.TraceId)
            .Select(a => (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName).ToString()!).ToArray();
        return (commands, commands.Count(c => c.Contains("from workflow_instances", StringComparison.Ordinal)));
    }
}
