using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// /inbox: the reviewer's tabs (my tasks, team queue, overdue, done) with counts, filters and due-time
/// sort; claim, release and "next task" answer JSON so the list updates without a reload.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class InboxPageModel(NpgsqlDataSource dataSource, TimeProvider clock, WorkingCalendarStore calendars) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true, Name = "order")] public string? OrderNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? FilingType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Step { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public InboxQuery.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<InboxQuery.Row> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public StaffNames Names { get; private set; } = StaffNames.None;
    public InboxQuery.Counts Counts { get; private set; } = new(0, 0, 0, 0);
    public IReadOnlyList<string> Steps { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public WorkingCalendar Calendar { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public string Username => User.Identity?.Name ?? "";

    public async Task OnGetAsync() => await LoadAsync(withSteps: true);

    /// <summary>The tabs and the list alone, for refreshing after an action.</summary>
    public async Task<IActionResult> OnGetListAsync()
    {
        await LoadAsync(withSteps: false);
        return Partial("_InboxList", this);
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id) =>
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, TaskActions.ClaimAsync, HttpContext.T("已领取。", "Claimed."));

    public Task<IActionResult> OnPostReleaseAsync(Guid id) =>
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, TaskActions.ReleaseAsync, HttpContext.T("已释放回组内队列。", "Released to the team queue."));

    public async Task<IActionResult> OnPostNextAsync()
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskAccess.ForAsync(User, connection, ct);
        var next = await TaskActions.ClaimNextAsync(connection, access, clock.GetUtcNow(), ct);
        return next is null
            ? new JsonResult(new { ok = false, message = HttpContext.T("组内队列中没有待领取的任务。", "No unclaimed task in your teams' queue.") })
            : new JsonResult(new { ok = true, url = $"/tasks/{next}" });
    }

    /// <summary>The query string of this view with some values replaced, for tab, sort and paging links.</summary>
    public string Link(string? tab = null, string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["tab"] = tab ?? Filter.Tab, ["order"] = Filter.OrderNumber, ["filingType"] = Filter.FilingType, ["province"] = Filter.Province, ["step"] = Filter.Step,
            ["due"] = Filter.Due, ["sort"] = sort ?? Sort, ["p"] = (page ?? 1) == 1 ? null : page.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/inbox", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private async Task LoadAsync(bool withSteps)
    {
        Filter = Validated();
        var ct = HttpContext.RequestAborted;
        Now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskAccess.ForAsync(User, connection, ct);
        Calendar = await calendars.GetAsync(connection, ct);
        if (!FilterText.MatchesNothing(Filter.OrderNumber) && !FilterText.MatchesNothing(Filter.Step))
        {
            (Rows, More) = await InboxQuery.PageAsync(connection, access, Filter, Now, ct);
            Counts = await InboxQuery.CountsAsync(connection, access, Filter, Now, ct);
            Names = await StaffNames.LoadAsync(connection, Rows.Select(r => r.Assignee), ct);
        }

        if (withSteps)
        {
            Steps = await InboxQuery.StepsAsync(connection, ct);
        }
    }

    /// <summary>Unknown filter values are named on the page and ignored.</summary>
    private InboxQuery.Filter Validated()
    {
        string? Check(string field, string? value, Func<string, bool> known)
        {
            if (string.IsNullOrEmpty(value) || known(value))
            {
                return string.IsNullOrEmpty(value) ? null : value;
            }

            Errors[field] = HttpContext.T("取值无效，已忽略。", "Unknown value, ignored.");
            return null;
        }

        var tab = Check("tab", Tab, t => InboxQuery.Tabs.Contains(t)) ?? "mine";
        if (PageNumber is < 1 or > 10_000)
        {
            Errors["p"] = HttpContext.T("页码须在 1 到 10000 之间。", "Page must be between 1 and 10000.");
            PageNumber = 1;
        }

        return new InboxQuery.Filter(
            tab,
            OrderNumber is { Length: > 0 and <= 40 } ? OrderNumber.Trim() : null,
            Check("filingType", FilingType, Workflows.Filings.FilingType.IsKnown),
            Check("province", Province, Provinces.IsKnown),
            Step is { Length: > 0 and <= 200 } ? Step : null,
            Check("due", Due, d => InboxQuery.DueFilters.Contains(d)),
            Check("sort", Sort, s => s is "due" or "latest") == "latest",
            PageNumber);
    }
}
