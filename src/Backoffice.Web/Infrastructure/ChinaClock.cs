using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Workflows.Clock;

namespace Backoffice.Web.Infrastructure;

/// <summary>Every time a page shows is China time (UTC+8) in one format: 2026-12-08 09:00.</summary>
public static partial class ChinaClock
{
    public const string Format = "yyyy-MM-dd HH:mm";

    public static string Text(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, ChinaTime.Zone).ToString(Format, CultureInfo.InvariantCulture) : "";

    /// <summary>A text with ISO 8601 stamps (as the engine writes them in its notes) shown with China times instead.</summary>
    public static string? InText(string? text) =>
        text is null ? null : IsoStamp().Replace(text, m => DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Text(at) : m.Value);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoStamp();
}
