using System.Text.RegularExpressions;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>The customer account an order names: an id of the console's (letters, digits, . _ : -) and the account's real name.</summary>
public static partial class AccountRules
{
    public static void Check(ValidationErrors errors, AccountInfo? account)
    {
        if (account is null)
        {
            return;
        }

        if (TextRules.Check(errors, "account.id", account.Id, true, 64) && !AccountId().IsMatch(account.Id!.Trim()))
        {
            errors.Add("account.id", "account-id-format");
        }

        TextRules.Check(errors, "account.realName", account.RealName, true, 100);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex AccountId();
}
