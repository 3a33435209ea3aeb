using System.Text.RegularExpressions;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>Mainland mobile numbers, office landlines in the bureau's 086-区号-号码 form, and e-mail addresses.</summary>
public static partial class ContactRules
{
    public static bool IsMobile(string? value) => value is not null && Mobile().IsMatch(value);

    public static bool IsOfficePhone(string? value) => value is not null && OfficePhone().IsMatch(value);

    public static bool IsEmail(string? value) => value is { Length: <= 254 } && Email().IsMatch(value);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^086-0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}$")]
    private static partial Regex OfficePhone();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Email();
}
