using System.Text.RegularExpressions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.ProvinceRules;

/// <summary>A rule set compliance saves: every province once, every member given and within its choices, with the path of each error.</summary>
public static partial class ProvinceRuleValidator
{
    public const int MaxSmsWindowHours = 168;
    private const int MaxListItems = 50;

    public static ValidationErrors Validate(ProvinceRuleSet? rules, string? note)
    {
        var errors = new ValidationErrors();
        TextRules.Check(errors, "note", note, true, 500);
        if (rules is null)
        {
            return errors;
        }

        if (rules.SmsWindowHours is null)
        {
            errors.Add("smsWindowHours", "required");
        }
        else if (rules.SmsWindowHours is < 1 or > MaxSmsWindowHours)
        {
            errors.Add("smsWindowHours", "sms-window-range");
        }

        if (rules.Provinces is null)
        {
            errors.Add("provinces", "required");
            return errors;
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < rules.Provinces.Count; i++)
        {
            var path = $"provinces[{i}]";
            if (rules.Provinces[i] is not { } rule)
            {
                errors.Add(path, "required");
                continue;
            }

            if (!Provinces.IsKnown(rule.Province))
            {
                errors.Add($"{path}.province", rule.Province is null ? "required" : "province-unknown");
            }
            else if (!seen.Add(rule.Province!))
            {
                errors.Add($"{path}.province", "province-duplicate");
            }

            CheckRule(errors, path, rule);
        }

        var missing = Provinces.All.Where(p => !seen.Contains(p.Code)).Select(p => p.Code).ToList();
        if (missing.Count > 0 && !errors.All.Any(e => e.Path.StartsWith("provinces[", StringComparison.Ordinal)))
        {
            errors.Add("provinces", "provinces-incomplete", string.Join(", ", missing));
        }

        return errors;
    }

    private static void CheckRule(ValidationErrors errors, string path, ProvinceRule rule)
    {
        if (rule.SmsStep is null)
        {
            errors.Add($"{path}.smsStep", "required");
        }

        if (rule.SmsWindowHours is < 1 or > MaxSmsWindowHours)
        {
            errors.Add($"{path}.smsWindowHours", "sms-window-range");
        }

        if (rule.OfficePhoneForIndividuals is null)
        {
            errors.Add($"{path}.officePhoneForIndividuals", "required");
        }

        CheckMethods(errors, $"{path}.verificationMethods", rule.VerificationMethods);
        CheckChoices(errors, $"{path}.mailedOriginals", rule.MailedOriginals, [.. FilingType.Labels.Keys.Where(FilingType.WithMaterials.Contains)]);
        CheckChoices(errors, $"{path}.authenticityChecks", rule.AuthenticityChecks, ProvinceRuleDefaults.Checks);
        if (CheckList(errors, $"{path}.refusedMobilePrefixes", rule.RefusedMobilePrefixes))
        {
            for (var i = 0; i < rule.RefusedMobilePrefixes!.Count; i++)
            {
                if (rule.RefusedMobilePrefixes[i] is not { } prefix || !MobilePrefix().IsMatch(prefix))
                {
                    errors.Add($"{path}.refusedMobilePrefixes[{i}]", "mobile-prefix-format");
                }
            }
        }

        if (CheckList(errors, $"{path}.personalSiteNameWords", rule.PersonalSiteNameWords))
        {
            for (var i = 0; i < rule.PersonalSiteNameWords!.Count; i++)
            {
                var word = rule.PersonalSiteNameWords[i];
                if (string.IsNullOrWhiteSpace(word) || word.Trim() != word || word.Length > 20)
                {
                    errors.Add($"{path}.personalSiteNameWords[{i}]", "word-length");
                }
                else
                {
                    TextRules.Check(errors, $"{path}.personalSiteNameWords[{i}]", word, true, 20);
                }
            }
        }
    }

    private static void CheckMethods(ValidationErrors errors, string path, IReadOnlyList<VerificationMethodRule?>? methods)
    {
        if (methods is null)
        {
            errors.Add(path, "required");
            return;
        }

        if (methods.Count == 0)
        {
            errors.Add(path, "verification-methods-empty");
            return;
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i] is not { } method)
            {
                errors.Add($"{path}[{i}]", "required");
                continue;
            }

            TextRules.Choice(errors, $"{path}[{i}].method", method.Method, ProvinceRuleDefaults.Methods);
            if (method.Method is not null && !seen.Add(method.Method))
            {
                errors.Add($"{path}[{i}].method", "duplicate-values");
            }

            CheckChoices(errors, $"{path}[{i}].certificateTypes", method.CertificateTypes, PersonDocuments.PersonTypes);
        }
    }

    private static void CheckChoices(ValidationErrors errors, string path, IReadOnlyList<string?>? values, IReadOnlyList<string> allowed)
    {
        if (!CheckList(errors, path, values))
        {
            return;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            TextRules.Choice(errors, $"{path}[{i}]", values[i], allowed);
        }
    }

    /// <summary>True when the list is given, short enough and has no value twice; its items are checked by the caller.</summary>
    private static bool CheckList(ValidationErrors errors, string path, IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            errors.Add(path, "required");
            return false;
        }

        if (values.Count > MaxListItems)
        {
            errors.Add(path, "too-many", MaxListItems);
            return false;
        }

        if (values.Distinct().Count() != values.Count)
        {
            errors.Add(path, "duplicate-values");
        }

        return true;
    }

    [GeneratedRegex("^1[0-9]{0,10}$")]
    private static partial Regex MobilePrefix();
}
