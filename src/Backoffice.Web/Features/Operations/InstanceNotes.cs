using System.Text.RegularExpressions;
using Backoffice.Web.Infrastructure;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// A journal note in the page's language: the engine writes a fault as "中文 / English" (an expression failure as
/// "表达式执行出错 / the expression failed at 1:18: engine message"); the page shows one language, and the
/// expression engine's own message (always English) apart as technical detail.
/// </summary>
public static partial class InstanceNotes
{
    public sealed record Note(string Text, string? Detail);

    public static Note Of(string? note, bool english)
    {
        var text = ChinaClock.InText(note) ?? "";
        var bilingual = Bilingual().Match(text);
        if (!bilingual.Success)
        {
            return new(text, null);
        }
        var zh = bilingual.Groups["zh"].Value;
        var en = bilingual.Groups["en"].Value;
        var expression = ExpressionFailure().Match(en);
        if (expression.Success)
        {
            var line = expression.Groups["line"].Value;
            var column = expression.Groups["column"].Value;
            var at = line.Length == 0 ? "" : english ? $" at line {line}, column {column}" : $"（第 {line} 行第 {column} 列）";
            return new(english ? $"The expression failed{at}" : zh + at, expression.Groups["detail"].Value);
        }
        return new(english ? char.ToUpperInvariant(en[0]) + en[1..] : zh, null);
    }

    [GeneratedRegex(@"^(?<zh>[^/]*\p{IsCJKUnifiedIdeographs}[^/]*?) / (?<en>.+)$", RegexOptions.Singleline)]
    private static partial Regex Bilingual();

    [GeneratedRegex(@"^the expression failed(?: at (?<line>\d+):(?<column>\d+))?: (?<detail>.*)$", RegexOptions.Singleline)]
    private static partial Regex ExpressionFailure();
}
