namespace Backoffice.Web.Tests.Support;

/// <summary>Small files whose bytes are what their type says (or pretend to be).</summary>
public static class Files
{
    public static byte[] Jpeg(int size = 4096)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0;
        bytes[^2] = 0xFF; bytes[^1] = 0xD9;
        return bytes;
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static byte[] Html() => "<html><body><script>alert(1)</script></body></html>"u8.ToArray();

    public static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
}
