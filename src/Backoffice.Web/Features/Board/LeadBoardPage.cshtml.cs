using Backoffice.Web.Features.Inbox;
using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Board;

/// <summary>
/// /board: the team lead's view of the teams he leads: load per reviewer, queue and SLA breaches,
/// escalation notices, and reassigning one or many open tasks to a member. Reassigning is a plain form post;
/// the page's script posts the same form and swaps in the re-rendered board, so the page is not reloaded.
/// The figures (load per reviewer, queue and breaches) are read from the replica when one is set, except right
/// after a reassignment, which the lead expects to see counted.
/// </summary>
[Authorize(Policy = Policies.TeamLead)]
public sealed class LeadBoardPageModel(NpgsqlDataSource dataSource, ReadReplica replica, TimeProvider clock, WorkingCalendarStore calendars) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Holder { get; set; }
    [BindProperty(SupportsGet = true)] public bool Breached { get; set; }

    public IReadOnlyList<LeadBoard.Member> Members { get; private set; } = [];
    public IReadOnlyList<LeadBoard.TeamFigures> Figures { get; private set; } = [];
    public IReadOnlyList<InboxQuery.Row> Tasks { get; private set; } = [];
    public IReadOnlyList<LeadBoard.Notice> Notices { get; private set; } = [];
    public StaffNames Names { get; private set; } = StaffNames.None;
    public WorkingCalendar Calendar { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public Task OnGetAsync() => LoadAsync(replica.DataSource);

    public async Task<IActionResult> OnPostReassignAsync(Guid[]? ids, string? assignee)
    {
        var ct = HttpContext.RequestAborted;
        if (ids is not { Length: > 0 } || string.IsNullOrWhiteSpace(assignee))
        {
            (Message, MessageIsError) = (HttpContext.T("请勾选任务并选择被指派人。", "Tick tasks and choose an assignee."), true);
            return await BoardAsync();
        }

        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            var access = await TaskWorkers.AccessAsync(User, connection, ct);
            var failures = new List<string>();
            foreach (var id in ids.Distinct().Take(200))
            {
                var change = await ReassignTask.RunAsync(connection, access, id, assignee, clock.GetUtcNow(), ct);
                if (!change.Succeeded)
                {
                    failures.Add(TaskMessages.Of(HttpContext, change));
                }
            }

            var done = ids.Distinct().Take(200).Count() - failures.Count;
            Message = HttpContext.T($"已改派 {done} 个任务给 {assignee}。", $"Reassigned {done} tasks to {assignee}.")
                      + (failures.Count > 0 ? " " + string.Join(" ", failures.Distinct()) : "");
            MessageIsError = failures.Count > 0;
        }

        return await BoardAsync();
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var read = await connection.ExecuteAsync(new CommandDefinition(
            "update outbox_messages set read_at = @now where channel = 'staff' and recipient = @username and read_at is null",
            new { now, username = HttpContext.Name() }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, HttpContext.Name(), "notices-read", "user", HttpContext.Name(), new { read }, ct);
        await transaction.CommitAsync(ct);
        return RedirectToPage();
    }

    /// <summary>The whole page after a form post; the board alone (rows, figures, load) when the page's script posted it.</summary>
    private async Task<IActionResult> BoardAsync()
    {
        await LoadAsync(dataSource);
        return Request.Headers["X-Requested-With"] == "fetch" ? Partial("_LeadBoard", this) : Page();
    }

    private async Task LoadAsync(NpgsqlDataSource figuresSource)
    {
        var ct = HttpContext.RequestAborted;
        Now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(User, connection, ct);
        var teams = await LeadBoard.TeamsAsync(connection, access, ct);
        Calendar = await calendars.GetAsync(connection, ct);
        await using (var figures = await figuresSource.OpenConnectionAsync(ct))
        {
            Members = await LeadBoard.MembersAsync(figures, teams, Now, ct);
            Figures = await LeadBoard.FiguresAsync(figures, teams, Now, ct);
        }

        Tasks = FilterText.MatchesNothing(Holder) ? [] : await LeadBoard.TasksAsync(connection, teams, Holder is { Length: > 0 and <= 100 } ? Holder : null, Breached, Now, ct);
        Notices = await LeadBoard.UnreadAsync(connection, access.Username, ct);
        Names = await StaffNames.LoadAsync(connection, Tasks.Select(t => t.Assignee), ct);
    }
}
