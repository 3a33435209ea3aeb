namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Tests that compare what two requests list run alone, after the parallel ones, so that no other
/// test adds or takes rows between the two (a count before and after a refused request, too).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "compares listings between requests";
}
