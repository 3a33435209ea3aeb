namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Tests that move the shared application clock run alone, after the parallel ones, so that no
/// other test sees its deadlines pass underneath it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockCollection
{
    public const string Name = "moves the application clock";
}
