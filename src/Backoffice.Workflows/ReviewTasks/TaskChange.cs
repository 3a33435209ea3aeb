namespace Backoffice.Workflows.ReviewTasks;

/// <summary>What became of a claim, release, reassign or completion: the API and the pages answer from it.</summary>
public sealed record TaskChange(TaskChange.Kind Result, string? Holder = null, string? Status = null)
{
    public enum Kind { Changed, NotFound, Forbidden, Closed, Held, AssigneeNotInTeam }

    public static readonly TaskChange Changed = new(Kind.Changed);
    public static readonly TaskChange NotFound = new(Kind.NotFound);
    public static readonly TaskChange Forbidden = new(Kind.Forbidden);

    public bool Succeeded => Result == Kind.Changed;
}
