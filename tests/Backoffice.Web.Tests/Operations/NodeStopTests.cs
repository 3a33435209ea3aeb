using System.Diagnostics;
using Backoffice.Web.Infrastructure.Nodes;
using Backoffice.Web.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// A test node disposed while its Hangfire server holds a job from a shared queue stops its job servers (and Quartz)
/// before its services go (<see cref="TestApp.DisposeAsync"/>): the held job is cancelled and put back in its queue,
/// not failed, so another server runs it at its next look at the queue (one poll, at most 15 s) instead of after
/// Hangfire's retry delay (16–44 s). The queue is the test's own, which the node and, once the node holds the job, a
/// server on the shared app's storage listen to.
/// </summary>
public sealed class NodeStopTests
{
    [Fact]
    public async Task A_job_held_by_a_node_being_disposed_is_put_back_and_run_by_another_server_within_seconds()
    {
        var queue = "held-" + Guid.NewGuid().ToString("N")[..12];
        var key = Guid.NewGuid().ToString("N");
        var node = new TestApp(testMode: true, services: s => s.AddHangfireServer(o =>
        {
            o.ServerName = "held-node";
            o.Queues = [queue];
            o.WorkerCount = 1;
            o.ShutdownTimeout = NodeIdentity.JobServerShutdownTimeout;
        }));
        var storage = TestApp.Instance.Services.GetRequiredService<JobStorage>();
        string jobId;
        try
        {
            _ = node.Services;
            jobId = new BackgroundJobClient(storage).Create(
                Job.FromExpression<HeldJob>(job => job.RunAsync(key, null, CancellationToken.None)), new EnqueuedState(queue));
            var held = await HeldJob.Of(key).RunAsync(0, TimeSpan.FromSeconds(60));
            Assert.StartsWith("held-node", held.Server, StringComparison.Ordinal);
        }
        catch
        {
            node.Dispose();
            throw;
        }

        // Its own activator: Hangfire's global one is the last app's built in this process, the node about to go.
        using var other = new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = "take-over", Queues = [queue], WorkerCount = 1, Activator = new JobActivator() }, storage);
        var watch = Stopwatch.StartNew();
        node.Dispose();
        var stopped = watch.Elapsed;
        var again = await HeldJob.Of(key).RunAsync(1, TimeSpan.FromSeconds(90));

        var history = storage.GetMonitoringApi().JobDetails(jobId).History.Select(h => h.StateName).Reverse().ToList();
        Assert.True(history.All(s => s != FailedState.StateName && s != ScheduledState.StateName),
            $"the held job failed and waited for a retry: {string.Join(" → ", history)}");
        Assert.StartsWith("take-over", again.Server, StringComparison.Ordinal);
        using (var connection = storage.GetConnection())
        {
            Assert.Contains(connection.GetJobParameter(jobId, "RetryCount"), new string?[] { null, "0" });
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25),
            $"the job ran again {watch.Elapsed.TotalSeconds:0.0} s after the node was disposed (disposing took {stopped.TotalSeconds:0.0} s)");
    }
}
