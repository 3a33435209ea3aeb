using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// /inbox: the reviewer's tabs (my tasks, team queue, overdue, done) with counts, filters and due-time
/// sort, the columns one chooses and saved views (personal or shared with a team, <see cref="InboxViews"/>);
/// claim, release, "next task" and the bulk actions on ticked tasks answer JSON so the list updates without a reload.
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
    [BindProperty(SupportsGet = true, Name = "cols")] public string[]? Cols { get; set; }
    [BindProperty(SupportsGet = true, Name = "view")] public Guid? ViewId { get; set; }

    public InboxQuery.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<InboxQuery.Row> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public StaffNames Names { get; private set; } = StaffNames.None;
    public InboxQuery.Counts Counts { get; private set; } = new(0, 0, 0, 0);
    public IReadOnlyList<string> Steps { get; private set; } = [];
    public IReadOnlyList<string> Columns { get; private set; } = InboxColumns.All;
    public IReadOnlyList<InboxViews.View> Views { get; private set; } = [];
    public InboxViews.View? AppliedView { get; private set; }
    public TaskAccess Access { get; private set; } = null!;
    public IReadOnlyList<(string Username, string DisplayName)> Assignees { get; private set; } = [];
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
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, ClaimTask.RunAsync, HttpContext.T("已领取。", "Claimed."));

    public Task<IActionResult> OnPostReleaseAsync(Guid id) =>
        TaskActionAnswer.RunAsync(HttpContext, dataSource, clock, id, ReleaseTask.RunAsync, HttpContext.T("已释放回组内队列。", "Released to the team queue."));

    public async Task<IActionResult> OnPostNextAsync()
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(User, connection, ct);
        var next = await ClaimNextTask.RunAsync(connection, access, clock.GetUtcNow(), ct);
        return next is null
            ? new JsonResult(new { ok = false, message = HttpContext.T("组内队列中没有待领取的任务。", "No unclaimed task in your teams' queue.") })
            : new JsonResult(new { ok = true, url = $"/tasks/{next}" });
    }

    /// <summary>Bulk claim, release or reassign (leads) of the ticked tasks: JSON with a line per task that failed.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? operation, Guid[]? ids, string? assignee)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(User, connection, ct);
        var request = new BulkTaskActions.Request(operation, ids, assignee);
        var errors = BulkTaskActions.Validate(request, access);
        if (!errors.IsEmpty)
        {
            return new JsonResult(new { ok = false, message = string.Join(" ", errors.ToDictionary(HttpContext.IsEnglish()).SelectMany(e => e.Value)) });
        }

        var answer = await BulkTaskActions.RunAsync(HttpContext, connection, access, request, clock.GetUtcNow(), ct);
        return new JsonResult(new
        {
            ok = answer.Failed == 0, message = answer.Message,
            failures = answer.Results.Where(r => !r.Succeeded).Select(r => new
            {
                text = r.OrderNumber is null ? r.Message : HttpContext.T($"订单 {r.OrderNumber}：{r.Message}", $"Order {r.OrderNumber}: {r.Message}"),
            }),
        });
    }

    public async Task<IActionResult> OnPostSaveViewAsync(string? name, string? team)
    {
        var ct = HttpContext.RequestAborted;
        Filter = Validated();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(User, connection, ct);
        var request = new InboxViews.Request(name, string.IsNullOrEmpty(team) ? null : team, Filter.Tab,
            new InboxViews.ViewFilters(Filter.OrderNumber, Filter.FilingType, Filter.Province, Filter.Step, Filter.Due),
            Filter.Latest ? "latest" : "due", [.. InboxColumns.Chosen(Cols)]);
        var (view, errors) = await InboxViews.CreateAsync(connection, access, request, clock.GetUtcNow(), ct);
        if (view is not null)
        {
            return Redirect($"/inbox?view={view.Id}");
        }

        await connection.CloseAsync();
        foreach (var (field, messages) in errors.ToDictionary(HttpContext.IsEnglish()))
        {
            Errors["view." + field] = string.Join(" ", messages);
        }

        await LoadAsync(withSteps: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = await TaskWorkers.AccessAsync(User, connection, ct);
        var deletion = await InboxViews.DeleteAsync(connection, access, id, clock.GetUtcNow(), ct);
        return deletion == InboxViews.Deletion.Deleted ? Redirect("/inbox") : deletion == InboxViews.Deletion.Forbidden ? Forbid() : NotFound();
    }

    /// <summary>The settings in force as form fields, for saving them as a view.</summary>
    public IEnumerable<(string Name, string Value)> CurrentSettings()
    {
        var fields = new (string, string?)[]
        {
            ("tab", Filter.Tab), ("order", Filter.OrderNumber), ("filingType", Filter.FilingType), ("province", Filter.Province),
            ("step", Filter.Step), ("due", Filter.Due), ("sort", Filter.Latest ? "latest" : "due"),
        };
        return fields.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!)).Concat(Columns.Select(c => ("cols", c)));
    }

    /// <summary>The query string of this view with some values replaced, for tab, sort and paging links.</summary>
    public string Link(string? tab = null, string? sort = null, int? page = null) => InboxLinks.Of(
        tab ?? Filter.Tab, new InboxViews.ViewFilters(Filter.OrderNumber, Filter.FilingType, Filter.Province, Filter.Step, Filter.Due),
        sort ?? (Filter.Latest ? "latest" : null), Columns, page ?? 1);

    private async Task LoadAsync(bool withSteps)
    {
        var ct = HttpContext.RequestAborted;
        Now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var access = Access = await TaskWorkers.AccessAsync(User, connection, ct);
        if (ViewId is { } viewId)
        {
            AppliedView = await InboxViews.GetAsync(connection, access, viewId, ct);
            Apply(AppliedView);
        }

        Filter = Validated();
        Columns = InboxColumns.Chosen(Cols);
        Calendar = await calendars.GetAsync(connection, ct);
        var matches = !FilterText.MatchesNothing(Filter.OrderNumber) && !FilterText.MatchesNothing(Filter.Step);
        (Rows, More, Counts, Steps) = await InboxQuery.ReadAsync(connection, access, matches ? Filter : null, withSteps, Now, ct);
        if (matches)
        {
            Names = await StaffNames.LoadAsync(connection, Rows.Select(r => r.Assignee), ct);
        }

        if (withSteps)
        {
            Views = await InboxViews.ListAsync(connection, access, ct);
            Assignees = await InboxAssignees.OfLeadAsync(connection, access, ct);
        }
    }

    /// <summary>A saved view's settings in place of the query's; an unknown view (or one shared with another team) is named and ignored.</summary>
    private void Apply(InboxViews.View? view)
    {
        if (view is null)
        {
            Errors["view"] = HttpContext.T("没有该视图，或它未与您的处理组共享。", "No such view, or it is not shared with your teams.");
            return;
        }

        (Tab, OrderNumber, FilingType, Province, Step, Due, Sort, Cols) =
            (view.Tab, view.Filters.OrderNumber, view.Filters.FilingType, view.Filters.Province, view.Filters.Step, view.Filters.Due, view.Sort, view.Columns);
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
        if (Cols?.Any(c => !InboxColumns.IsKnown(c)) == true)
        {
            Errors["cols"] = HttpContext.T("取值无效，已忽略。", "Unknown value, ignored.");
        }

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
