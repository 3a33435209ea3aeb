using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// The secret that encrypts the key ring at rest: Backoffice:DataProtectionKey stretched with HKDF
/// to an AES-256 key. Test mode and demo runs without one use <see cref="DevelopmentSecret"/>.
/// </summary>
public sealed class KeyRingSecret(IOptions<NodeOptions> options)
{
    public const string DevelopmentSecret = "backoffice-development-key-ring-secret-not-for-production";
    public const int MinimumLength = 32;

    private readonly Lazy<byte[]> _key = new(() =>
    {
        var secret = options.Value.DataProtectionKey is { Length: > 0 } configured ? configured : DevelopmentSecret;
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "backoffice data protection key ring"u8.ToArray());
    });

    public byte[] Key => _key.Value;
}

/// <summary>Encrypts each key's XML with AES-GCM before it is stored.</summary>
public sealed class KeyRingEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement("encryptedKey",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyRingEncryptor"/> stored; created by Data Protection with the app's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(services.GetRequiredService<KeyRingSecret>().Key, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
