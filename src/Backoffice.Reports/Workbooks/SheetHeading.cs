namespace Backoffice.Reports.Workbooks;

/// <summary>
/// The two lines above every table: the report with its period, and when it was generated (China time); and the line a
/// table without rows shows under its header, so it does not read as a table that failed to fill.
/// </summary>
public sealed record SheetHeading(string Title, string Generated, string NoRows)
{
    public const double TitleFontSize = 14;
}
