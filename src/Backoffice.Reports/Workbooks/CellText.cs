using System.Xml;

namespace Backoffice.Reports.Workbooks;

/// <summary>
/// Stored text written into a cell safely: always as text, never as a formula. Text that Excel would take
/// for a formula once the cell is edited (starting with = + - @, a tab or a carriage return) gets the quote
/// prefix ('), and characters XML cannot carry become U+FFFD instead of breaking the file.
/// </summary>
public static class CellText
{
    public static bool NeedsQuotePrefix(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Clean(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Concat(text.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD'));
            }
        }

        return text;
    }
}
