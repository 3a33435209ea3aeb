using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.HumanTasks;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/complete {outcome, reasonCodes, comment}: the holder finishes the step; the
/// order's workflow moves on in the same transaction. A return needs reason codes from the catalogue.
/// </summary>
public static class CompleteTask
{
    public sealed record Request(string? Outcome, IReadOnlyList<string>? ReasonCodes, string? Comment);

    public static async Task<IResult> HandleAsync(Guid id, HttpContext context, WorkflowEngine engine, TaskCompletion completion)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        return await engine.StepAsync<IResult>(context.Name(), async step =>
        {
            var orderId = await step.Connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "select order_id from review_tasks where id = @id", new { id }, cancellationToken: step.CancellationToken));
            if (orderId is null)
            {
                return (Problems.NotFound(context), false);
            }

            await step.LockOrderAsync(orderId.Value);
            var task = (await ReviewTaskStore.LoadForUpdateAsync(step.Connection, id, step.CancellationToken))!;

            var access = await TaskAccess.ForAsync(context.User, step.Connection, step.CancellationToken);
            if (!access.CanWork(task.Team))
            {
                return (Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: context.IsEnglish()
                    ? "This task belongs to a team you are not in." : "该任务不属于您所在的处理组。"), false);
            }

            if (task.Status != "open")
            {
                return (Problems.Conflict(context, "task-closed", TaskMessages.Closed(context), new { task.Status }), false);
            }

            if (task.Assignee != access.Username)
            {
                return (Problems.Conflict(context, "task-held", TaskMessages.Held(context, task.Assignee), new { holder = task.Assignee }), false);
            }

            var errors = await ValidateAsync(step, task, body!);
            if (!errors.IsEmpty)
            {
                return (Problems.Validation(context, errors), false);
            }

            if (!await completion.CompleteAsync(step, task, access.Username, body!.Outcome!, body.ReasonCodes?.ToArray() ?? [], body.Comment))
            {
                return (Problems.Conflict(context, "task-closed", TaskMessages.Closed(context)), false);
            }

            return (Results.Ok(new { id, outcome = body.Outcome }), true);
        }, context.RequestAborted);
    }

    private static async Task<ValidationErrors> ValidateAsync(StepContext step, ReviewTask task, Request body)
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

        var known = reasons.Count == 0 ? [] : (await step.Connection.QueryAsync<string>(new CommandDefinition(
            "select code from reason_codes where active and code = any(@reasons)", new { reasons = reasons.ToArray() },
            cancellationToken: step.CancellationToken))).ToHashSet();
        for (var i = 0; i < reasons.Count; i++)
        {
            if (!known.Contains(reasons[i]))
            {
                errors.Add($"reasonCodes[{i}]", "unknown-reason-code");
            }
        }

        if (body.Comment is { Length: > 1000 })
        {
            errors.Add("comment", "too-long", 1000);
        }

        return errors;
    }
}
