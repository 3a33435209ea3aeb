using System.Security.Cryptography;
using System.Text;

namespace Backoffice.Web.Features.Console;

/// <summary>Standard Webhooks secrets and signatures: <c>whsec_</c> + base64 of a 32-byte key; <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
public static class WebhookSignature
{
    private const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The signature header: one <c>v1,</c> signature per secret, space-separated (a rotated secret signs beside the new one).</summary>
    public static string Sign(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret =>
        {
            var key = Convert.FromBase64String(secret[Prefix.Length..]);
            var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
            return "v1," + Convert.ToBase64String(mac);
        }));
}
