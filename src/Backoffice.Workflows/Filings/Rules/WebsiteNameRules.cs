using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>Website names: not a domain or bare digits; a personal site must not look like an organisation, brand or portal.</summary>
public static class WebsiteNameRules
{
    private static readonly string[] OrganisationWords =
        ["公司", "集团", "企业", "官方", "官网", "门户", "论坛", "新闻", "资讯", "政府", "协会", "中心", "研究院", "商城", "平台", "综合", "社区", "频道"];

    public static void Check(ValidationErrors errors, string path, string? name, bool personal)
    {
        if (!TextRules.Check(errors, path, name, true, 64))
        {
            return;
        }

        var trimmed = name!.Trim();
        if (trimmed.Length < 2)
        {
            errors.Add(path, "name-length");
        }
        else if (trimmed.Contains('.', StringComparison.Ordinal) && DomainName.TryNormalize(trimmed, out _))
        {
            errors.Add(path, "website-name-is-domain");
        }
        else if (trimmed.All(char.IsAsciiDigit))
        {
            errors.Add(path, "website-name-digits");
        }
        else if (personal && OrganisationWords.FirstOrDefault(trimmed.Contains) is { } word)
        {
            errors.Add(path, "personal-site-name", word);
        }
    }
}
