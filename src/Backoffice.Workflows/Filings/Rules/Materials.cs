namespace Backoffice.Workflows.Filings.Rules;

/// <summary>
/// Material kinds and what each accepts. The type is sniffed from the content, never taken from the
/// file name: photos are JPEG (as the providers ask), documents JPEG or PDF.
/// </summary>
public static class Materials
{
    public const string Jpeg = "image/jpeg";
    public const string Pdf = "application/pdf";

    private static readonly Dictionary<string, string[]> Accepted = new()
    {
        ["business-license"] = [Jpeg],
        ["id-card-front"] = [Jpeg],
        ["id-card-back"] = [Jpeg],
        ["curtain-photo"] = [Jpeg],
        ["verification-form"] = [Jpeg, Pdf],
        ["domain-certificate"] = [Jpeg, Pdf],
        ["pre-approval"] = [Jpeg, Pdf],
        ["authorization-letter"] = [Jpeg, Pdf],
        ["employment-proof"] = [Jpeg, Pdf],
    };

    public static IReadOnlyCollection<string> Kinds => Accepted.Keys;

    public static bool IsKnownKind(string? kind) => kind is not null && Accepted.ContainsKey(kind);

    public static string AllowedTypesText(string kind) =>
        string.Join(" / ", (Accepted.GetValueOrDefault(kind) ?? [Jpeg]).Select(t => t == Jpeg ? "JPG" : "PDF"));

    /// <summary>Null when the content is acceptable for the kind (its sniffed type returned), otherwise the error code.</summary>
    public static string? Check(string kind, ReadOnlySpan<byte> content, int maxBytes, out string? contentType)
    {
        contentType = Sniff(content);
        if (content.Length == 0)
        {
            return "material-empty";
        }

        if (content.Length > maxBytes)
        {
            return "material-too-large";
        }

        return contentType is not null && Accepted[kind].Contains(contentType) ? null : "material-type-not-allowed";
    }

    /// <summary>JPEG (FF D8 FF … FF D9), PNG or PDF by their signatures; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF && content[^2] == 0xFF && content[^1] == 0xD9)
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return content.StartsWith("%PDF-"u8) ? Pdf : null;
    }

    /// <summary>False for a name that tries to be a path (separators, ".."), or hides characters (control, bidi, zero-width).</summary>
    public static bool IsPlainFileName(string? name) =>
        name is not null && name.Length <= 255 && !name.Contains("..", StringComparison.Ordinal)
        && !name.Any(c => c is '/' or '\\' || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    /// <summary>The base name only: no directories, no "..", no control characters, at most 100 characters.</summary>
    public static string SafeFileName(string? name)
    {
        var baseName = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string([.. baseName.Where(c => !char.IsControl(c))]).Replace("..", "", StringComparison.Ordinal).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 100 ? clean[^100..] : clean;
    }
}
