using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>
/// Completing a task {outcome, reasonCodes, comment, checklist, items}: the holder finishes the step; the order's
/// workflow moves on in the same transaction. A return needs reason codes from the catalogue, and from the step's own
/// list when the designer gave it one; the checklist and a return's items are recorded with it (<see cref="ReviewDecision"/>).
/// The order, the task and its instance are read once (<see cref="InstanceStore.LockTaskAsync"/>) and the definition
/// looked up once, for the checks and the engine alike. POST /api/tasks/{id}/complete and the task page run it; the
/// engine benchmark runs <see cref="FinishAsync"/>.
/// </summary>
public sealed class CompleteTask(StepTransaction steps, WorkflowEngine engine, DefinitionStore definitions)
{
    public sealed record Request(
        string? Outcome, IReadOnlyList<string>? ReasonCodes, string? Comment,
        IReadOnlyList<string>? Checklist = null, IReadOnlyList<ReviewDecision.Item>? Items = null);

    /// <summary>The change, or the field errors (then nothing changed).</summary>
    public sealed record Completion(TaskChange Change, ValidationErrors? Errors = null);

    /// <summary>A return reason as the applicant reads it.</summary>
    public sealed record ReturnItem(string Code, string Label);

    private sealed record Reason(string Code, string Label, bool Active);

    public Task<Completion> RunAsync(TaskWorker worker, Guid id, Request body, CancellationToken ct) =>
        steps.StepAsync<Completion>(worker.Username.Length == 0 ? "anonymous" : worker.Username, async step =>
        {
            var completion = await RunAsync(step, worker, id, body);
            return (completion, completion.Change.Succeeded && completion.Errors is null);
        }, ct);

    private async Task<Completion> RunAsync(StepContext step, TaskWorker worker, Guid id, Request body)
    {
        var task = await InstanceStore.LockTaskAsync(step, id);
        if (task is null)
        {
            return new Completion(TaskChange.NotFound);
        }

        var access = await TaskAccess.ForAsync(worker, step.Connection, step.CancellationToken);
        if (!access.CanWork(task.Team))
        {
            return new Completion(TaskChange.Forbidden);
        }

        if (task.Status != "open")
        {
            return new Completion(new TaskChange(TaskChange.Kind.Closed, Status: task.Status));
        }

        if (task.Assignee != access.Username)
        {
            return new Completion(new TaskChange(TaskChange.Kind.Held, task.Assignee));
        }

        var (instance, _) = await InstanceStore.LoadAsync(step, task.InstanceId);
        var definition = await definitions.GetAsync(step.Connection, instance!.DefinitionId, instance.Version, step.CancellationToken);
        var activity = TaskStep.Of(definition, ProvinceRuleVariables.AuthenticityChecks(instance.Variables), task.ActivityId);
        var reasons = body.ReasonCodes ?? [];
        var known = await ReasonsAsync(step, reasons);
        var errors = Validate(task, body, reasons, known, TaskStep.OfferedReasons(activity));
        await ReviewDecision.ValidateAsync(step, task, activity, body.Outcome, body.Checklist ?? [], body.Items ?? [], errors);
        if (!errors.IsEmpty)
        {
            return new Completion(TaskChange.Changed, errors);
        }

        var returned = known.Select(r => new ReturnItem(r.Code, r.Label)).ToList();
        if (!await FinishAsync(step, task, access.Username, body.Outcome!, [.. reasons], body.Comment, definition, returned))
        {
            return new Completion(new TaskChange(TaskChange.Kind.Closed));
        }

        await ReviewDecision.RecordAsync(step, task, access.Username, body.Outcome!, body.Checklist ?? [], body.Items ?? []);
        return new Completion(TaskChange.Changed);
    }

    /// <summary>
    /// Records the outcome on the task and moves its workflow on, inside the caller's step, without the holder's
    /// checks. False when the task's step no longer waits (the order moved on); the step must not commit then.
    /// </summary>
    public async Task<bool> FinishAsync(
        StepContext step, ReviewTask task, string user, string outcome, string[] reasons, string? comment,
        WorkflowDefinition? definition = null, IReadOnlyList<ReturnItem>? returned = null)
    {
        if (outcome == "return" && await step.LockOrderAsync(task.OrderId) is { } order)
        {
            returned ??= [.. (await ReasonsAsync(step, reasons)).Select(r => new ReturnItem(r.Code, r.Label))];
            OrderEvents.Add(step, order, OrderEvents.Returned, new { reasons, items = returned, comment, step = task.Step });
        }

        step.Write(new RecordTaskOutcome(task.Id, task.InstanceId, outcome, reasons, comment, user, step.Now));
        AuditLog.Add(step.Writes, step.Now, user, "task-completed", "review-task", task.Id.ToString(),
            new { task.OrderNumber, task.Step, outcome, reasons });
        var bookmark = new Bookmark { Id = task.BookmarkId, InstanceId = task.InstanceId, ActivityId = task.ActivityId, Kind = BookmarkKinds.Task };
        var note = reasons.Length == 0 ? comment : $"{string.Join(",", reasons)}: {comment}";
        return await engine.ResumeAsync(step, bookmark, outcome, note, definition);
    }

    /// <summary>The catalogue's rows of the reason codes given, in the catalogue's order; no round trip when none is given.</summary>
    private static async Task<IReadOnlyList<Reason>> ReasonsAsync(StepContext step, IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? [] : (await step.Connection.QueryAsync<Reason>(new CommandDefinition(
            "select code, label_zh as label, active from reason_codes where code = any(@reasons) order by sort, code",
            new { reasons = reasons.ToArray() }, cancellationToken: step.CancellationToken))).AsList();

    private static ValidationErrors Validate(
        ReviewTask task, Request body, IReadOnlyList<string> reasons, IReadOnlyList<Reason> catalogue, IReadOnlyList<string> offered)
    {
        var errors = new ValidationErrors();
        if (body.Outcome is null || !task.Outcomes.Contains(body.Outcome))
        {
            errors.Add("outcome", "invalid-choice", string.Join(", ", task.Outcomes));
        }

        if (body.Outcome == "return" && reasons.Count == 0)
        {
            errors.Add("reasonCodes", "return-needs-reason");
        }

        var known = catalogue.Where(r => r.Active).Select(r => r.Code).ToHashSet();
        for (var i = 0; i < reasons.Count; i++)
        {
            if (!known.Contains(reasons[i]))
            {
                errors.Add($"reasonCodes[{i}]", "unknown-reason-code");
            }
            else if (offered.Count > 0 && !offered.Contains(reasons[i]))
            {
                errors.Add($"reasonCodes[{i}]", "reason-not-offered");
            }
        }

        if (body.Comment is { Length: > 1000 })
        {
            errors.Add("comment", "too-long", 1000);
        }

        return errors;
    }
}
