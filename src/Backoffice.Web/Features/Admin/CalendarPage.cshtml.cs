using System.Globalization;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Admin;

/// <summary>
/// /admin/calendar: the working-day calendar of a year: holidays (days off) and 调休 working days
/// (weekend days worked). SLA due times and the working-day schedules follow an edit at once.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CalendarPageModel(
    NpgsqlDataSource dataSource, TimeProvider clock, WorkingCalendarChanges calendars, WorkingCalendarStore calendarStore) : PageModel
{
    public sealed record Day
    {
        public DateOnly Date { get; init; }
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<Day> Days { get; private set; } = [];

    /// <summary>The years from the first one entered up to next year that have no holidays: their holidays count as working days.</summary>
    public IReadOnlyList<int> MissingYears { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (Date is null) Errors["Date"] = HttpContext.T("请输入日期", "Enter a date");
        if (Kind is not ("holiday" or "workday")) Errors["Kind"] = HttpContext.T("类型须为节假日或调休上班", "The kind is holiday or working day");
        if (Kind == "workday" && Date is { DayOfWeek: not (DayOfWeek.Saturday or DayOfWeek.Sunday) })
        {
            Errors["Kind"] = HttpContext.T("调休上班日须为周六或周日", "An adjusted working day falls on a Saturday or Sunday");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 50) Errors["Name"] = HttpContext.T("名称必填，不超过 50 字", "The name is required, at most 50 characters");
        if (Errors.Count == 0)
        {
            await ChangeAsync("calendar-day-saved", Date!.Value,
                """
                insert into calendar_days (day, kind, name) values (@day, @kind, @name)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name
                """, new { day = Date!.Value, kind = Kind, name = Name!.Trim() });
            Year = Date!.Value.Year;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(DateOnly day)
    {
        await ChangeAsync("calendar-day-deleted", day, "delete from calendar_days where day = @day", new { day });
        return RedirectToPage(new { year = day.Year });
    }

    private async Task ChangeAsync(string action, DateOnly day, string sql, object args)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), HttpContext.Name(), action, "calendar-day",
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), args, ct);
        await transaction.CommitAsync(ct);
        await calendars.AppliedAsync(ct);
    }

    private async Task LoadAsync()
    {
        var thisYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Workflows.Clock.ChinaTime.Zone).Year;
        Year = Year is >= 2000 and <= 2100 ? Year : thisYear;
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        var calendar = await calendarStore.GetAsync(connection, HttpContext.RequestAborted);
        MissingYears = calendar.YearsWithoutHolidays(Math.Min(calendar.FirstYear ?? thisYear, thisYear), thisYear + 1);
        Days = (await connection.QueryAsync<Day>(new CommandDefinition(
            "select day as date, kind, name from calendar_days where day >= @from and day < @to order by day",
            new { from = new DateOnly(Year.Value, 1, 1), to = new DateOnly(Year.Value + 1, 1, 1) }, cancellationToken: HttpContext.RequestAborted))).AsList();
    }
}
