using Backoffice.Workflows.Steps;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>Logs at start what an operator of several nodes needs to know about this one (docs/OPERATIONS.md).</summary>
public sealed class NodeReport(NodeIdentity node, IOptions<NodeOptions> options, IOptions<HostOptions> host, ILogger<NodeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Node {Node}: an orphaned job runs again after Hangfire's invisibility timeout {InvisibilityTimeout} plus one queue poll {QueuePoll}; "
            + "a dead node's Hangfire lock lapses after {DistributedLockTimeout}; shutdown waits {ShutdownTimeout} (jobs {JobShutdownTimeout}); "
            + "forwarded headers believed from proxies [{KnownProxies}] and networks [{KnownNetworks}]",
            node.Name, JobStorageOptions.InvisibilityTimeout, JobStorageOptions.QueuePollInterval, JobStorageOptions.DistributedLockTimeout,
            host.Value.ShutdownTimeout, NodeIdentity.JobServerShutdownTimeout,
            string.Join(", ", options.Value.KnownProxies), string.Join(", ", options.Value.KnownNetworks));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
