namespace Backoffice.Workflows.Filings.Rules;

/// <summary>
/// The unified social credit code of GB 32100: registration authority and type, a region code,
/// the GB 11714 organisation code with its own check, and a MOD 31 check character.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string Authorities = "123456789ANY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Null when valid, otherwise the error code.</summary>
    public static string? Check(string? value)
    {
        if (value is null || value.Length != 18 || value.Any(c => !Characters.Contains(c)) || !Authorities.Contains(value[0]) || value[1] == '0')
        {
            return "uscc-format";
        }

        if (!value.AsSpan(2, 6).ToString().All(char.IsAsciiDigit) || (value[2..4] != "10" && Provinces.OfRegion(value[2..8]) is null))
        {
            return "uscc-region";
        }

        if (OrganisationCheck(value.Substring(8, 8)) != value[16])
        {
            return "uscc-organisation-code";
        }

        return CheckCharacter(value) == value[17] ? null : "uscc-check";
    }

    /// <summary>The province of the issuing authority, or null for central-level registration (region 10xxxx).</summary>
    public static string? ProvinceOf(string value) => value[2..4] == "10" ? null : Provinces.OfRegion(value[2..8]);

    /// <summary>Registration authority and organisation type, e.g. "91" for an enterprise registered with market regulation.</summary>
    public static string AuthorityAndType(string value) => value[..2];

    public static string Create(string authorityAndType, string region, string organisationBase)
    {
        var first17 = authorityAndType + region + organisationBase + OrganisationCheck(organisationBase);
        return first17 + CheckCharacter(first17);
    }

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Characters.IndexOf(value[i], StringComparison.Ordinal) * Weights[i];
        }

        return Characters[(31 - sum % 31) % 31];
    }

    private static char OrganisationCheck(string body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (char.IsAsciiDigit(body[i]) ? body[i] - '0' : body[i] - 'A' + 10) * OrganisationWeights[i];
        }

        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var c => (char)('0' + c) };
    }
}
