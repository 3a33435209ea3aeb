using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Workflows.DryRun;

/// <summary>
/// What a dry run plays: a sample order (the JSON decisions see), the simulated outcome of each
/// waiting step (in the order of its visits; the last one repeats; the step's first outcome when
/// none is given), when the simulated clock starts, and how many working hours each waiting step
/// takes to be answered.
/// </summary>
public sealed record DryRunScenario(
    JsonObject Order,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Outcomes,
    DateTimeOffset StartAt,
    double AnswerAfterWorkingHours)
{
    /// <summary>The outcome a waiting step gives on its <paramref name="visit"/>-th visit (from 1).</summary>
    public string OutcomeOf(ActivityDefinition activity, int visit) =>
        Outcomes.TryGetValue(activity.Id, out var planned) && planned.Count > 0
            ? planned[Math.Min(visit, planned.Count) - 1]
            : ActivityTypes.Find(activity.Type)!.OutcomesOf(activity).FirstOrDefault() ?? "done";
}

/// <summary>One activity the dry run passed through: when, with which outcome, and the due time of a waiting step.</summary>
public sealed record DryRunStep(
    string ActivityId, string Type, string? Name, DateTimeOffset At, string? Outcome,
    DateTimeOffset? DueAt = null, DateTimeOffset? AnsweredAt = null, bool Overdue = false, string? Status = null, string? Note = null);

/// <summary>The path taken, the result the instance ended with (null when it stopped early) and why it stopped early.</summary>
public sealed record DryRunResult(IReadOnlyList<DryRunStep> Steps, string? Result, DateTimeOffset? FinishedAt, string? Error);
