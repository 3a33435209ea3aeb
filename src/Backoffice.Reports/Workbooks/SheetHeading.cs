namespace Backoffice.Reports.Workbooks;

/// <summary>The two lines above every table: the report with its period, and when it was generated (China time).</summary>
public sealed record SheetHeading(string Title, string Generated)
{
    public const double TitleFontSize = 14;
}
