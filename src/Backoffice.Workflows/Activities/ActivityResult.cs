namespace Backoffice.Workflows.Activities;

/// <summary>What executing an activity gave: outcomes to follow, a wait, a child process, or the end of the instance.</summary>
public abstract record ActivityResult
{
    public sealed record Continue(IReadOnlyList<string> Outcomes, string? Note = null) : ActivityResult;

    public sealed record Wait(string? Note = null) : ActivityResult;

    public sealed record StartChild(string DefinitionId) : ActivityResult;

    public sealed record Finish(string Result) : ActivityResult;

    public static Continue Done(string outcome = "done", string? note = null) => new([outcome], note);
}
