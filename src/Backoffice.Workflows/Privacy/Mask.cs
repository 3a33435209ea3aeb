namespace Backoffice.Workflows.Privacy;

/// <summary>Masks personal data wherever the full value is not needed (pages, API reads, exports, logs).</summary>
public static class Mask
{
    /// <summary>110105********002X: the region and the last four characters stay.</summary>
    public static string? IdNumber(string? value) => Keep(value, 6, 4);

    /// <summary>138****8000.</summary>
    public static string? Mobile(string? value) => Keep(value, 3, 4);

    /// <summary>086-0755-****5678.</summary>
    public static string? Phone(string? value) => Keep(value, value is null ? 0 : Math.Max(0, value.Length - 8), 4);

    /// <summary>l***@example.com: the first character of the mailbox and the domain stay.</summary>
    public static string? Email(string? value) => value?.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        ? string.Concat(value.AsSpan(0, 1), new string('*', Math.Max(3, at - 1)), value.AsSpan(at))
        : Keep(value, 0, 0);

    private static string? Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value.Length <= head + tail)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
