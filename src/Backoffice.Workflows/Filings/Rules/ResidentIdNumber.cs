using System.Globalization;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>
/// The 18-character resident ID number of GB 11643: a mainland region code, the birth date, a
/// sequence, and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Null when valid (birth date returned), otherwise the error code.</summary>
    public static string? Check(string? value, DateOnly today, out DateOnly birth)
    {
        birth = default;
        if (value is null || value.Length != 18 || !value.AsSpan(0, 17).ContainsOnlyDigits()
            || !(char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x'))
        {
            return "resident-id-format";
        }

        if (Provinces.OfRegion(value[..6]) is null)
        {
            return "resident-id-region";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth)
            || birth > today || birth.Year < 1900)
        {
            return "resident-id-birth-date";
        }

        return char.ToUpperInvariant(value[17]) == CheckCharacter(value) ? null : "resident-id-check";
    }

    public static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>A valid number for a region, birth date and sequence (0–999), its check character computed.</summary>
    public static string Create(string region, DateOnly birth, int sequence)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence % 1000:D3}");
        return first17 + CheckCharacter(first17);
    }

    public static int Age(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
