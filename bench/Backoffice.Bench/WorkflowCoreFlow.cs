using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Backoffice.Bench;

/// <summary>
/// The same seven-step flow in WorkflowCore with its in-memory persistence (nothing durable): started
/// (submit), then six waits each resumed by an event (initial review, curtain photo, photo review, second
/// review, SMS verified, bureau result) and followed by a step. Each driver starts an order and publishes
/// its next event once the previous step has run, as the engine's drivers do; a step is one start or one
/// event with the step it resumes.
/// </summary>
public static class WorkflowCoreFlow
{
    private static readonly string[] Events = ["initial-review", "curtain-photo", "photo-review", "second-review", "sms-verified", "bureau-result"];

    /// <summary>Orders of the measurement waiting for their next step to have run, by key.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> StepsRun = new();

    /// <summary>Steps per second with <paramref name="drivers"/> drivers, on a new host after a warm-up.</summary>
    public static async Task<double> MeasureAsync(int orders, int drivers)
    {
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddWorkflow().BuildServiceProvider();
        var host = services.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<NewFiling, Order>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            await DriveAsync(host, 20, drivers);
            var watch = Stopwatch.StartNew();
            await DriveAsync(host, orders, drivers);
            return orders * (Events.Length + 1) / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static Task DriveAsync(IWorkflowHost host, int orders, int drivers) =>
        Task.WhenAll(Enumerable.Range(0, drivers).Select(d => Task.Run(async () =>
        {
            for (var i = d; i < orders; i += drivers)
            {
                await DriveOrderAsync(host);
            }
        })));

    private static async Task DriveOrderAsync(IWorkflowHost host)
    {
        var key = Guid.NewGuid().ToString("N");
        using var stepRun = new SemaphoreSlim(0);
        StepsRun[key] = stepRun;
        await host.StartWorkflow(nameof(NewFiling), 1, new Order { Key = key });
        await WaitAsync(stepRun);
        foreach (var name in Events)
        {
            await host.PublishEvent(name, key, null);
            await WaitAsync(stepRun);
        }

        StepsRun.TryRemove(key, out _);
    }

    private static async Task WaitAsync(SemaphoreSlim stepRun)
    {
        if (!await stepRun.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("A WorkflowCore step did not run within 30 s.");
        }
    }

    public sealed class Order
    {
        public string Key { get; set; } = "";
    }

    public sealed class Step : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            StepsRun[((Order)context.Workflow.Data).Key].Release();
            return ExecutionResult.Next();
        }
    }

    public sealed class NewFiling : IWorkflow<Order>
    {
        public string Id => nameof(NewFiling);

        public int Version => 1;

        public void Build(IWorkflowBuilder<Order> builder)
        {
            var flow = builder.StartWith<Step>();
            foreach (var name in Events)
            {
                flow = flow.WaitFor(name, o => o.Key).Then<Step>();
            }
        }
    }
}
