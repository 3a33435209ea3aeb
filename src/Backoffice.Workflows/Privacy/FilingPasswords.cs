using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Backoffice.Workflows.Privacy;

/// <summary>
/// The filing password (备案密码) is a secret: kept only as a salted PBKDF2-SHA256 hash
/// (pbkdf2-sha256$iterations$salt$hash, base64), never in the order body, a log or a read.
/// </summary>
public static class FilingPasswords
{
    private const int Iterations = 100_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }
}
