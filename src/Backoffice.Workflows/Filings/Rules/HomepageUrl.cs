namespace Backoffice.Workflows.Filings.Rules;

/// <summary>A homepage URL (www.example.com, example.com/index.html, https://www.example.com/) on one of the website's domains.</summary>
public static class HomepageUrl
{
    /// <summary>Null when the URL is on one of <paramref name="asciiDomains"/>, otherwise the error code.</summary>
    public static string? Check(string? value, IReadOnlyCollection<string> asciiDomains)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 255 || value.Any(char.IsWhiteSpace))
        {
            return "homepage-format";
        }

        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.HostNameType != UriHostNameType.Dns || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "homepage-format";
        }

        if (!DomainName.TryNormalize(uri.IdnHost, out var host))
        {
            return "homepage-format";
        }

        return asciiDomains.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal)) ? null : "homepage-not-on-domains";
    }
}
