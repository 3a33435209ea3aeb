using System.Globalization;
using System.Text.RegularExpressions;

namespace Backoffice.Workflows.Filings;

/// <summary>The bureau's number formats: subject 京ICP备12345678号, website 京ICP备12345678号-1.</summary>
public static partial class FilingNumbers
{
    public static bool IsSubjectNumber(string? value) =>
        value is not null && SubjectPattern().Match(value) is { Success: true } m && IsKnownShortName(m.Groups[1].Value);

    public static bool IsWebsiteNumber(string? value) =>
        value is not null && WebsitePattern().Match(value) is { Success: true } m && IsKnownShortName(m.Groups[1].Value);

    /// <summary>The subject number a website number belongs to (the part before "-n").</summary>
    public static string SubjectOf(string websiteNumber) => websiteNumber[..websiteNumber.LastIndexOf('-')];

    /// <summary>The serial n of a website number (…号-n).</summary>
    public static int SerialOf(string websiteNumber) =>
        int.Parse(websiteNumber.AsSpan(websiteNumber.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);

    public static string Subject(string provinceCode, long serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{Provinces.Get(provinceCode).ShortName}ICP备{serial:D8}号");

    public static string Website(string subjectNumber, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{subjectNumber}-{index}");

    private static bool IsKnownShortName(string shortName) => Provinces.All.Any(p => p.ShortName == shortName);

    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs})ICP备(\d{6,10})号$")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs})ICP备(\d{6,10})号-(\d{1,4})$")]
    private static partial Regex WebsitePattern();
}
