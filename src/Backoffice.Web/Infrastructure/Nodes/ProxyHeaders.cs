using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies and networks in
/// Backoffice:KnownProxies and Backoffice:KnownNetworks (none by default, not even loopback): then the
/// client's address (sign-in rate limit, logs) and scheme (secure cookies, redirects) are the proxy's
/// client's, and anybody else's forwarded headers change nothing.
/// </summary>
public sealed class ProxyHeaders(IOptions<NodeOptions> nodes) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in nodes.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in nodes.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        // With both lists empty the middleware would believe every sender: then it reads no header at all.
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            : ForwardedHeaders.None;
    }

    /// <summary>Whether every configured proxy and network parses, for the start-up check.</summary>
    public static bool AreValid(NodeOptions options) =>
        options.KnownProxies.All(p => IPAddress.TryParse(p, out _)) && options.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}
