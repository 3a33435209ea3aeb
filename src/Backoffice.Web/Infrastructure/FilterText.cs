namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Text typed into a staff page's filter or search. No stored text holds a NUL (PostgreSQL text
/// cannot, and refuses it as a parameter), so a filter with one matches nothing and is not sent.
/// </summary>
public static class FilterText
{
    public static bool MatchesNothing(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;
}
