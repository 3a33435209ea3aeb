using System.Security.Cryptography;
using Hangfire;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// This node's name, unique among the nodes of one database: its Hangfire server is named after it,
/// so readiness can tell this node's job server from the others'.
/// </summary>
public sealed class NodeIdentity
{
    /// <summary>How long a stopping node waits for its running jobs before cancelling them (within the host's 10 s).</summary>
    public static readonly TimeSpan JobServerShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the host waits for everything to stop on SIGINT or SIGTERM.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(9);

    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}".ToLowerInvariant();

    public void ConfigureJobServer(BackgroundJobServerOptions options)
    {
        options.ServerName = Name;
        options.ShutdownTimeout = JobServerShutdownTimeout;
    }

    /// <summary>Whether a Hangfire server id (name:process:guid) is this node's server.</summary>
    public bool Owns(string serverId) => serverId.StartsWith(Name + ":", StringComparison.Ordinal);
}
