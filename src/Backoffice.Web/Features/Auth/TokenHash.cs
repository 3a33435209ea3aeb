using System.Security.Cryptography;
using System.Text;

namespace Backoffice.Web.Features.Auth;

/// <summary>Bearer tokens are random; only their SHA-256 is stored.</summary>
public static class TokenHash
{
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Of(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Of(a), Of(b));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
