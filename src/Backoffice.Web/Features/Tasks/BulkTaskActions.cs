using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// Claim, release or reassign (leads) many ticked tasks at once: each task by the single-task action, so each
/// is one conditional update with its own audit row, and each answers for itself; what failed is said per task in
/// plain words (the order number and why). POST /api/tasks/bulk and the inbox page share it.
/// </summary>
public static class BulkTaskActions
{
    public const int MaxTasks = 100;
    public static readonly string[] Actions = ["claim", "release", "reassign"];

    public sealed record Request(string? Action, Guid[]? Ids, string? Assignee);

    /// <summary>What became of one task: <c>code</c> is null when it succeeded, else task-not-found, forbidden, task-closed, task-held or assignee-not-in-team.</summary>
    public sealed record TaskResult(Guid Id, string? OrderNumber, bool Succeeded, string? Code, string Message);

    public sealed record Answer(int Succeeded, int Failed, string Message, TaskResult[] Results);

    /// <summary>POST /api/tasks/bulk: 400 naming the field for a bad request (nothing changed), else 200 with each task's result.</summary>
    public static async Task<IResult> ApiAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(context.User, connection, ct);
        var errors = Validate(body!, access);
        return errors.IsEmpty
            ? Results.Ok(await RunAsync(context, connection, access, body!, clock.GetUtcNow(), ct))
            : Problems.Validation(context, errors);
    }

    public static ValidationErrors Validate(Request request, TaskAccess access)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.Action)) errors.Add("action", "required");
        else if (!Actions.Contains(request.Action)) errors.Add("action", "invalid-choice", string.Join(", ", Actions));
        if (request.Ids is not { Length: > 0 }) errors.Add("ids", "required");
        else if (request.Ids.Length > MaxTasks) errors.Add("ids", "too-many", MaxTasks);
        else if (request.Ids.Distinct().Count() != request.Ids.Length) errors.Add("ids", "duplicate-values");
        if (request.Action == "reassign")
        {
            if (string.IsNullOrWhiteSpace(request.Assignee)) errors.Add("assignee", "required");
            else if (request.Assignee.Length > 100) errors.Add("assignee", "too-long", 100);
            if (!access.IsAdmin && access.LeadOf.Count == 0) errors.Add("action", "bulk-reassign-needs-lead");
        }

        return errors;
    }

    /// <summary>Runs a validated request, task after task in the order given.</summary>
    public static async Task<Answer> RunAsync(
        HttpContext context, NpgsqlConnection connection, TaskAccess access, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var ids = request.Ids!;
        var numbers = (await connection.QueryAsync<(Guid Id, string Number)>(new CommandDefinition(
            """
            select t.id, o.order_number from review_tasks t join filing_orders o on o.id = t.order_id
            where t.id = any(@ids) and (@admin or t.team = any(@teams))
            """,
            new { ids, admin = access.IsAdmin, teams = access.Teams.ToArray() }, cancellationToken: ct))).ToDictionary(r => r.Id, r => r.Number);
        var changes = new List<(Guid Id, TaskChange Change)>();
        foreach (var id in ids)
        {
            changes.Add((id, request.Action switch
            {
                "claim" => await ClaimTask.RunAsync(connection, access, id, now, ct),
                "release" => await ReleaseTask.RunAsync(connection, access, id, now, ct),
                _ => await ReassignTask.RunAsync(connection, access, id, request.Assignee!, now, ct),
            }));
        }

        var names = await StaffNames.LoadAsync(connection, changes.Select(c => c.Change.Holder).Append(request.Assignee), ct);
        var english = context.IsEnglish();
        var results = changes.Select(c => new TaskResult(
            c.Id, numbers.GetValueOrDefault(c.Id), c.Change.Succeeded, Code(c.Change),
            c.Change.Succeeded ? Done(context, request.Action!, names.Of(request.Assignee, english))
                : TaskMessages.Of(context, c.Change with { Holder = c.Change.Holder is null ? null : names.Of(c.Change.Holder, english) }))).ToArray();
        var succeeded = results.Count(r => r.Succeeded);
        return new Answer(succeeded, results.Length - succeeded, Summary(context, request.Action!, succeeded, results.Length - succeeded), results);
    }

    private static string? Code(TaskChange change) => change.Result switch
    {
        TaskChange.Kind.Changed => null,
        TaskChange.Kind.NotFound => "task-not-found",
        TaskChange.Kind.Forbidden => "forbidden",
        TaskChange.Kind.Closed => "task-closed",
        TaskChange.Kind.Held => "task-held",
        _ => "assignee-not-in-team",
    };

    private static string Done(HttpContext context, string action, string assignee) => action switch
    {
        "claim" => context.T("已领取。", "Claimed."),
        "release" => context.T("已释放回组内队列。", "Released to the team queue."),
        _ => context.T($"已改派给 {assignee}。", $"Reassigned to {assignee}."),
    };

    private static string Summary(HttpContext context, string action, int succeeded, int failed)
    {
        var verb = action switch
        {
            "claim" => context.T("领取", "Claimed"),
            "release" => context.T("释放", "Released"),
            _ => context.T("改派", "Reassigned"),
        };
        var done = context.T($"已{verb} {succeeded} 个任务。", $"{verb} {succeeded} of {succeeded + failed} tasks.");
        return failed == 0 ? done : done + context.T($"{failed} 个未成功，原因见下。", $" {failed} could not be changed; see below.");
    }
}
