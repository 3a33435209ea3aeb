namespace Backoffice.Workflows.Filings.Rules;

/// <summary>A homepage URL (www.example.com, example.com/index.html, https://www.example.com/) on one of the website's domains.</summary>
public static class HomepageUrl
{
    /// <summary>Null when the URL is on one of <paramref name="asciiDomains"/>, otherwise the error code.</summary>
    public static string? Check(string? value, IReadOnlyCollection<string> asciiDomains)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 255 || value.Any(IsInvisible))
        {
            return "homepage-format";
        }

        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.HostNameType != UriHostNameType.Dns || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "homepage-format";
        }

        if (IdnHost(uri) is not { } idnHost || !DomainName.TryNormalize(idnHost, out var host))
        {
            return "homepage-format";
        }

        return asciiDomains.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal)) ? null : "homepage-not-on-domains";
    }

    /// <summary>Spaces, control and format characters (bidi overrides, zero-width), which URI parsing would silently drop.</summary>
    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>The punycode host, or null when the host has characters IDNA refuses (lone surrogates, bidi controls).</summary>
    private static string? IdnHost(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
