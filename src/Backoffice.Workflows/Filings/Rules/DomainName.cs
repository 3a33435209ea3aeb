using System.Globalization;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>
/// A website's domain: valid syntax (IDN allowed, kept in ASCII/punycode form), the registrable
/// domain itself (no www. or other sub-domain), and a suffix MIIT approves for filing.
/// </summary>
public static class DomainName
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Lower-case ASCII form of a syntactically valid domain name; false when it is not one.</summary>
    public static bool TryNormalize(string? input, out string ascii)
    {
        ascii = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 253 || input.Any(char.IsWhiteSpace) || input.EndsWith('.'))
        {
            return false;
        }

        try
        {
            ascii = Idn.GetAscii(input.Trim().ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2 && ascii.Length <= 253 && labels.All(l => l.Length is >= 1 and <= 63)
            && !labels[^1].All(char.IsAsciiDigit);
    }

    public static string ToUnicode(string ascii) => Idn.GetUnicode(ascii);

    /// <summary>Null when the domain can be filed in the province, otherwise the error code.</summary>
    public static string? Check(string? input, string? province, FilingRules rules, out string ascii)
    {
        if (!TryNormalize(input, out ascii))
        {
            return "domain-syntax";
        }

        var unicode = ToUnicode(ascii);
        var suffix = rules.AllowedSuffixes.Where(s => unicode.EndsWith("." + s, StringComparison.Ordinal)).MaxBy(s => s.Length);
        if (suffix is null)
        {
            var last = unicode[(unicode.LastIndexOf('.') + 1)..];
            return rules.RefusedSuffixes.Contains(last) ? "domain-suffix-refused" : "domain-suffix-not-approved";
        }

        if (unicode.Split('.').Length != suffix.Split('.').Length + 1)
        {
            return "domain-not-registrable";
        }

        return province == Provinces.Beijing && IsForeignCountryCode(suffix) ? "domain-suffix-beijing" : null;
    }

    /// <summary>Country-code suffixes other than China's (.cc Cocos Islands, .tv Tuvalu, ...).</summary>
    private static bool IsForeignCountryCode(string suffix) =>
        !suffix.Contains('.', StringComparison.Ordinal) && suffix.Length == 2 && suffix != "cn";
}
