namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// The settings of section "Backoffice" that let several nodes serve one database behind a proxy
/// (docs/OPERATIONS.md).
/// </summary>
public sealed class NodeOptions
{
    /// <summary>
    /// The secret the Data Protection key ring is encrypted with in the database (at least 32
    /// characters; every node the same). Required unless test mode or demo data is on, where a fixed
    /// development secret stands in.
    /// </summary>
    public string? DataProtectionKey { get; set; }

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/24) of reverse proxies whose forwarded headers are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool TestMode { get; set; }

    public bool DemoData { get; set; }
}
