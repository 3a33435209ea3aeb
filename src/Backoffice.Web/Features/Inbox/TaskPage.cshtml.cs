using Backoffice.Web.Features.Orders;
using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// /tasks/{id}: the review workbench of one task: where it stands (step, who it waits for, since when, due), what
/// changed since the last return, the materials beside the fields they are checked against, the order, the step's
/// checklist and the completion form (outcome, reason codes from the catalogue or the step's own list, the fields and
/// materials a return concerns, a comment the applicant sees). Only members of the task's team open it; claim,
/// release and complete answer JSON.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class TaskPageModel(
    NpgsqlDataSource dataSource, TimeProvider clock, DefinitionStore definitions, WorkingCalendarStore calendars,
    CompleteTask completeTask, OrderChecks checks) : PageModel
{
    public sealed record Reason(string Code, string Label);

    public ReviewTask Task { get; private set; } = null!;
    public OrderDetails Details { get; private set; } = null!;
    public IReadOnlyList<ReviewDecision.Check> Checklist { get; private set; } = [];
    public Resubmission? Resubmission { get; private set; }
    public string TeamName { get; private set; } = "";
    public string? HolderName { get; private set; }
    public IReadOnlyList<Reason> Reasons { get; private set; } = [];
    public SlaBadge Sla { get; private set; } = null!;
    public bool Mine => Task.Status == "open" && Task.Assignee == User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var task = await connection.QuerySingleOrDefaultAsync<ReviewTask>(new CommandDefinition(
            ReviewTaskStore.Select + " where t.id = @id", new { id }, cancellationToken: ct));
        if (task is null)
        {
            return NotFound();
        }

        if (!(await TaskWorkers.AccessAsync(User, connection, ct)).CanWork(task.Team))
        {
            return Forbid();
        }

        Task = task;
        Details = (await OrderDetails.LoadAsync(connection, task.OrderId, HttpContext.IsEnglish(), OrderTimeline.MaySeeJournal(User), checks, ct))!;
        var step = await TaskStep.LoadAsync(connection, definitions, task, ct);
        Checklist = ReviewDecision.Checklist(step);
        Resubmission = Resubmission.Of(Details);
        TeamName = LabelCatalogue.OfTeam(task.Team, await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select name from teams where id = @team", new { team = task.Team }, cancellationToken: ct)), HttpContext.IsEnglish());
        HolderName = task.Assignee is null ? null : Details.Names.Of(task.Assignee, HttpContext.IsEnglish());
        var label = HttpContext.IsEnglish() ? "label_en" : "label_zh";
        Reasons = (await connection.QueryAsync<Reason>(new CommandDefinition(
            $"select code, {label} as label from reason_codes where active and (cardinality(@offered) = 0 or code = any(@offered)) order by sort, code",
            new { offered = TaskStep.OfferedReasons(step).ToArray() }, cancellationToken: ct))).AsList();
        Sla = SlaBadge.Of(await calendars.GetAsync(connection, ct), clock.GetUtcNow(), task.DueAt, task.Status == "open");
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id) =>
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, ClaimTask.RunAsync, "");

    public Task<IActionResult> OnPostReleaseAsync(Guid id) =>
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, ReleaseTask.RunAsync, "");

    public async Task<IActionResult> OnPostCompleteAsync(
        Guid id, string? outcome, string[]? reasonCodes, string? comment, string[]? checklist, ReviewDecision.Item[]? items)
    {
        var request = new CompleteTask.Request(
            outcome, reasonCodes ?? [], string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), checklist ?? [], items ?? []);
        var completion = await completeTask.RunAsync(TaskWorkers.Of(User), id, request, HttpContext.RequestAborted);
        if (completion.Errors is not null)
        {
            return new JsonResult(new
            {
                ok = false,
                message = HttpContext.T("请修正标出的字段。", "Correct the fields marked."),
                errors = completion.Errors.ToDictionary(HttpContext.IsEnglish()),
            });
        }

        return new JsonResult(completion.Change.Succeeded
            ? new { ok = true, message = HttpContext.T("已完成，订单已流转。", "Done; the order has moved on."), url = (string?)"/inbox" }
            : new { ok = false, message = TaskMessages.Of(HttpContext, completion.Change), url = (string?)null });
    }
}
