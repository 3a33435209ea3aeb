using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Dapper;
using NpgsqlTypes;

namespace Backoffice.Workflows.HumanTasks;

/// <summary>Finishes a review task inside a step: the task records the outcome and its workflow moves on.</summary>
public sealed class TaskCompletion(WorkflowEngine engine)
{
    /// <summary>False when the task's step no longer waits (the order moved on); the step must not commit then.</summary>
    public async Task<bool> CompleteAsync(StepContext step, ReviewTask task, string user, string outcome, string[] reasons, string? comment)
    {
        if (outcome == "return" && await step.LockOrderAsync(task.OrderId) is { } order)
        {
            var labels = await step.Connection.QueryAsync<ReturnItem>(new CommandDefinition(
                "select code, label_zh as label from reason_codes where code = any(@reasons) order by sort, code",
                new { reasons }, cancellationToken: step.CancellationToken));
            OrderEvents.Add(step, order, OrderEvents.Returned, new { reasons, items = labels.ToList(), comment, step = task.Step });
        }

        step.Writes.AddExpectingOneRow(() => new ConcurrentStepException(task.InstanceId),
            """
            update review_tasks set status = 'done', outcome = $1, reason_codes = $2, comment = $3, completed_by = $4, completed_at = $5,
                row_version = row_version + 1
            where id = $6 and status = 'open'
            """,
            outcome, reasons, DeferredWrites.Nullable(NpgsqlDbType.Text, comment), user, step.Now, task.Id);
        AuditLog.Add(step.Writes, step.Now, user, "task-completed", "review-task", task.Id.ToString(),
            new { task.OrderNumber, task.Step, outcome, reasons });
        var bookmark = new Bookmark { Id = task.BookmarkId, InstanceId = task.InstanceId, ActivityId = task.ActivityId, Kind = BookmarkKinds.Task };
        var note = reasons.Length == 0 ? comment : $"{string.Join(",", reasons)}: {comment}";
        return await engine.ResumeAsync(step, bookmark, outcome, note);
    }

    /// <summary>A return reason as the applicant reads it.</summary>
    public sealed record ReturnItem(string Code, string Label);
}
