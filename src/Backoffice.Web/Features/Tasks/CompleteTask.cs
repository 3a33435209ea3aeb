using System.Security.Claims;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.HumanTasks;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// Completing a task {outcome, reasonCodes, comment, checklist, items}: the holder finishes the step; the order's
/// workflow moves on in the same transaction. A return needs reason codes from the catalogue, and from
/// the step's own list when the designer gave it one; the checklist and a return's items are recorded with it
/// (<see cref="ReviewDecision"/>).
/// POST /api/tasks/{id}/complete and the task page both run it.
/// </summary>
public static class CompleteTask
{
    public sealed record Request(
        string? Outcome, IReadOnlyList<string>? ReasonCodes, string? Comment,
        IReadOnlyList<string>? Checklist = null, IReadOnlyList<ReviewDecision.Item>? Items = null);

    /// <summary>The change, or the field errors (then nothing changed).</summary>
    public sealed record Completion(TaskChange Change, ValidationErrors? Errors = null);

    public static async Task<IResult> ApiAsync(Guid id, HttpContext context, StepTransaction steps, TaskCompletion taskCompletion, DefinitionStore definitions)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var completion = await RunAsync(steps, taskCompletion, definitions, context.User, id, body!, context.RequestAborted);
        return completion.Errors is not null ? Problems.Validation(context, completion.Errors)
            : completion.Change.Succeeded ? Results.Ok(new { id, outcome = body!.Outcome })
            : TaskMessages.Problem(context, completion.Change);
    }

    public static Task<Completion> RunAsync(
        StepTransaction steps, TaskCompletion completion, DefinitionStore definitions, ClaimsPrincipal user, Guid id, Request body, CancellationToken ct) =>
        steps.StepAsync<Completion>(user.FindFirstValue(ClaimTypes.Name) ?? "anonymous", async step =>
        {
            var task = await InstanceStore.LockTaskAsync(step, id);
            if (task is null)
            {
                return (new Completion(TaskChange.NotFound), false);
            }

            var access = await TaskAccess.ForAsync(user, step.Connection, step.CancellationToken);
            if (!access.CanWork(task.Team))
            {
                return (new Completion(TaskChange.Forbidden), false);
            }

            if (task.Status != "open")
            {
                return (new Completion(new TaskChange(TaskChange.Kind.Closed, Status: task.Status)), false);
            }

            if (task.Assignee != access.Username)
            {
                return (new Completion(new TaskChange(TaskChange.Kind.Held, task.Assignee)), false);
            }

            var definition = await TaskStep.DefinitionAsync(step.Connection, definitions, task, step.CancellationToken);
            var errors = await ValidateAsync(step, task, body, TaskStep.OfferedReasons(definition));
            await ReviewDecision.ValidateAsync(step, task, definition, body.Outcome, body.Checklist ?? [], body.Items ?? [], errors);
            if (!errors.IsEmpty)
            {
                return (new Completion(TaskChange.Changed, errors), false);
            }

            if (!await completion.CompleteAsync(step, task, access.Username, body.Outcome!, body.ReasonCodes?.ToArray() ?? [], body.Comment))
            {
                return (new Completion(new TaskChange(TaskChange.Kind.Closed)), false);
            }

            await ReviewDecision.RecordAsync(step, task, access.Username, body.Outcome!, body.Checklist ?? [], body.Items ?? []);
            return (new Completion(TaskChange.Changed), true);
        }, ct);

    private static async Task<ValidationErrors> ValidateAsync(StepContext step, ReviewTask task, Request body, IReadOnlyList<string> offered)
    {
        var errors = new ValidationErrors();
        if (body.Outcome is null || !task.Outcomes.Contains(body.Outcome))
        {
            errors.Add("outcome", "invalid-choice", string.Join(", ", task.Outcomes));
        }

        var reasons = body.ReasonCodes ?? [];
        if (body.Outcome == "return" && reasons.Count == 0)
        {
            errors.Add("reasonCodes", "return-needs-reason");
        }

        var known = (await step.Connection.QueryAsync<string>(new CommandDefinition(
            "select code from reason_codes where active and code = any(@reasons)", new { reasons = reasons.ToArray() },
            cancellationToken: step.CancellationToken))).ToHashSet();
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
