using System.Net;
using System.Net.Sockets;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// Where a webhook may point: an absolute http(s) URL whose host resolves only to public addresses. Outside test mode
/// loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses are refused, at registration
/// and again before each delivery (a name may resolve differently later).
/// </summary>
public static class WebhookUrls
{
    /// <summary>Null when the URL may be used; otherwise the validation code.</summary>
    public static async Task<string?> CheckAsync(string? url, bool testMode, CancellationToken ct)
    {
        if (url is null || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "webhook-url-format";
        }

        if (testMode)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return "webhook-url-unresolvable";
        }

        return addresses.Length == 0 ? "webhook-url-unresolvable" : addresses.Any(IsPrivate) ? "webhook-url-private" : null;
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC;
        }

        var v4 = address.GetAddressBytes();
        return v4[0] is 0 or 10 or 127 || v4[0] >= 224
            || (v4[0] == 172 && v4[1] is >= 16 and <= 31)
            || (v4[0] == 192 && v4[1] == 168)
            || (v4[0] == 169 && v4[1] == 254)
            || (v4[0] == 100 && v4[1] is >= 64 and <= 127);
    }
}
