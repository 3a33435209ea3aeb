using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>Free text: required or not, a length limit, and no NUL or other control characters.</summary>
public static class TextRules
{
    /// <summary>True when the text is present and acceptable.</summary>
    public static bool Check(ValidationErrors errors, string path, string? value, bool required, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(path, "required");
            }

            return false;
        }

        if (value.Length > max)
        {
            errors.Add(path, "too-long", max);
            return false;
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(path, "control-characters");
            return false;
        }

        return true;
    }

    public static void Choice(ValidationErrors errors, string path, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is null)
        {
            errors.Add(path, "required");
        }
        else if (!allowed.Contains(value))
        {
            errors.Add(path, "invalid-choice", string.Join(", ", allowed));
        }
    }
}
