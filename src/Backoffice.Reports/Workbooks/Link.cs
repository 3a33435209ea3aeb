namespace Backoffice.Reports.Workbooks;

/// <summary>
/// A cell that reads <see cref="Text"/> and opens <see cref="Url"/>: written as an Excel HYPERLINK
/// formula with the text as its value, so a detail sheet of any length streams (a worksheet holds
/// at most 65,530 hyperlink parts) and Excel and LibreOffice both follow it.
/// </summary>
public sealed record Link(string Text, string Url)
{
    /// <summary>The formula, its two strings quoted the Excel way (a quote doubled).</summary>
    public string Formula => $"HYPERLINK(\"{Quote(Url)}\",\"{Quote(CellText.Clean(Text))}\")";

    private static string Quote(string text) => text.Replace("\"", "\"\"", StringComparison.Ordinal);
}
