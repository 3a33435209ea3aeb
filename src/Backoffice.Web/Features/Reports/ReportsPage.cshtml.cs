using System.Globalization;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// /reports: management's reports. A report's parameters, downloaded at once (the synchronous
/// /api/reports/{kind}.xlsx, called with a short-lived token the page asks for) or built in the
/// background into the archive, whose progress the page follows; and the subscriptions.
/// </summary>
[Authorize(Policy = Policies.Management)]
public sealed class ReportsPageModel(
    NpgsqlDataSource dataSource, TimeProvider clock, ReportBuilds builds, ArchiveQueries archive, Subscriptions subscriptions,
    SubscriptionSchedule schedule) : PageModel
{
    public sealed class BuildForm
    {
        public string? Kind { get; set; } = Backoffice.Reports.Report.Sla;
        public string? From { get; set; }
        public string? To { get; set; }
        public string? AsOf { get; set; }
        public string? FilingType { get; set; }
        public string? Province { get; set; }
        public string? Team { get; set; }
        public string? Lang { get; set; }
    }

    public sealed class SubscriptionForm
    {
        public Guid? Id { get; set; }
        public string? Kind { get; set; } = Backoffice.Reports.Report.Sla;
        public string? Frequency { get; set; } = ReportSchedule.Daily;
        public string? Time { get; set; } = "09:00";
        public List<string> Weekdays { get; set; } = [];
        public int? MonthDay { get; set; } = 1;
        public bool WorkingDaysOnly { get; set; } = true;
        public string? Cron { get; set; }
        public int? PeriodDays { get; set; } = 7;
        public string? FilingType { get; set; }
        public string? Province { get; set; }
        public string? Team { get; set; }
        public string? Lang { get; set; }
        public string? Recipients { get; set; }
        public bool Active { get; set; } = true;
    }

    [BindProperty] public BuildForm Build { get; set; } = new();
    [BindProperty] public SubscriptionForm Subscription { get; set; } = new();

    public IDictionary<string, string[]> BuildErrors { get; private set; } = new Dictionary<string, string[]>();
    public IDictionary<string, string[]> SubscriptionErrors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<ArchiveEntry> Archive { get; private set; } = [];
    public IReadOnlyList<Subscriptions.View> SubscriptionList { get; private set; } = [];
    public StaffNames Names { get; private set; } = StaffNames.None;
    public IReadOnlyList<(string Id, string Name)> Teams { get; private set; } = [];
    public string? Saved { get; private set; }

    /// <summary>The schedule in words and its next runs, shown before saving.</summary>
    public (string Schedule, IReadOnlyList<DateTimeOffset> Runs)? Preview { get; private set; }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>A manager edits a subscription an admin scheduled with a cron: the form offers the other frequencies.</summary>
    public bool EditsAdminCron { get; private set; }

    public async Task OnGetAsync(Guid? edit, string? saved)
    {
        Saved = saved;
        if (edit is { } id && await subscriptions.GetAsync(id, HttpContext.RequestAborted) is { } s)
        {
            Subscription = new SubscriptionForm
            {
                Id = s.Id, Kind = s.Kind, PeriodDays = s.PeriodDays, FilingType = s.FilingType, Province = s.Province,
                Team = s.Team, Lang = s.English ? "en" : "zh", Recipients = string.Join(", ", s.Recipients), Active = s.Active,
                Frequency = s.Frequency, Time = s.AtTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "09:00", Weekdays = [.. s.Weekdays],
                MonthDay = s.MonthDay ?? 1, WorkingDaysOnly = s.WorkingDaysOnly,
                Cron = s.Frequency == ReportSchedule.CronFrequency ? s.Cron : null,
            };
            if (s.Frequency == ReportSchedule.CronFrequency && !IsAdmin)
            {
                EditsAdminCron = true;
                Subscription.Frequency = ReportSchedule.Daily;
                Subscription.Cron = null;
            }
        }

        await LoadAsync();
    }

    public async Task<IActionResult> OnGetArchiveAsync() =>
        Partial("_ReportArchive", await archive.ListAsync(1, 20, HttpContext.RequestAborted));

    public async Task<IActionResult> OnGetFileAsync(Guid id) =>
        await archive.DownloadAsync(id, HttpContext.Name(), HttpContext.RequestAborted) is { } file
            ? File(file.Content, ArchiveQueries.ArchiveFile.ContentType, file.FileName)
            : NotFound();

    public async Task<IActionResult> OnPostBuildAsync()
    {
        // The form carries both the period and the as-of day; the report's own fields are sent.
        var asOf = Build.Kind == Backoffice.Reports.Report.PublicSecurity;
        var request = new ReportBuildRequest(
            Build.Kind, asOf ? null : Build.From, asOf ? null : Build.To, asOf ? Build.AsOf : null, Build.FilingType, Build.Province, Build.Team, Build.Lang);
        ReportBuildScope? scope;
        ValidationErrors errors;
        await using (var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted))
        {
            (scope, errors) = await request.CheckAsync(connection, ReportBuildChecks.Today(clock), HttpContext.RequestAborted);
        }

        if (scope is null)
        {
            BuildErrors = errors.ToDictionary(HttpContext.IsEnglish());
            await LoadAsync();
            return Page();
        }

        var id = await builds.RequestAsync(Build.Kind!, scope, HttpContext.Name(), HttpContext.RequestAborted);
        return RedirectToPage(null, null, new { saved = "build" }, $"build-{id}");
    }

    /// <summary>The schedule's next five runs, shown with the form as it was filled in.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var request = SubscriptionRequest();
        if (request.SendsCron && !IsAdmin)
        {
            return Forbid();
        }

        var errors = new ValidationErrors();
        if (request.CheckSchedule(errors, clock.GetUtcNow()) is { } when)
        {
            Preview = (when.Describe(HttpContext.IsEnglish()), await schedule.NextRunsAsync(when, HttpContext.RequestAborted));
        }

        SubscriptionErrors = errors.ToDictionary(HttpContext.IsEnglish());
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSubscriptionAsync()
    {
        var request = SubscriptionRequest();
        if (request.SendsCron && !IsAdmin)
        {
            return Forbid();
        }

        SubscriptionSpec? spec;
        ValidationErrors errors;
        await using (var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted))
        {
            (spec, errors) = await request.CheckAsync(connection, clock.GetUtcNow(), HttpContext.RequestAborted);
        }

        if (spec is null)
        {
            SubscriptionErrors = errors.ToDictionary(HttpContext.IsEnglish());
            await LoadAsync();
            return Page();
        }

        if (Subscription.Id is { } id)
        {
            if (!await subscriptions.UpdateAsync(id, spec, HttpContext.Name(), HttpContext.RequestAborted))
            {
                return NotFound();
            }
        }
        else
        {
            await subscriptions.CreateAsync(spec, HttpContext.Name(), HttpContext.RequestAborted);
        }

        return RedirectToPage(null, null, new { saved = "subscription" }, "subscriptions");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        await subscriptions.DeleteAsync(id, HttpContext.Name(), HttpContext.RequestAborted);
        return RedirectToPage(null, null, new { saved = "deleted" }, "subscriptions");
    }

    /// <summary>The messages of a form's field (a list's items included: recipients[2] counts as recipients).</summary>
    public static string Error(IDictionary<string, string[]> errors, string field) =>
        string.Join("; ", errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)).SelectMany(e => e.Value));

    /// <summary>The form as a request; the schedule's fields of its frequency only (the others stay on the form, hidden).</summary>
    private SubscriptionRequest SubscriptionRequest()
    {
        var f = Subscription;
        var cron = f.Frequency == ReportSchedule.CronFrequency;
        return new SubscriptionRequest(
            f.Kind, cron ? f.Cron : null, f.PeriodDays, f.FilingType, f.Province, f.Team, f.Lang,
            (f.Recipients ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f.Active,
            f.Frequency, cron ? null : f.Time, f.Frequency == ReportSchedule.Weekly ? f.Weekdays : null,
            f.Frequency == ReportSchedule.Monthly ? f.MonthDay : null, f.WorkingDaysOnly);
    }

    private async Task LoadAsync()
    {
        var today = ReportBuildChecks.Today(clock);
        Build.From ??= Day(today.AddDays(-30));
        Build.To ??= Day(today.AddDays(-1));
        Build.AsOf ??= Day(today);
        var ct = HttpContext.RequestAborted;
        Archive = await archive.ListAsync(1, 20, ct);
        SubscriptionList = await subscriptions.ListAsync(ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            Teams = (await connection.QueryAsync<(string, string)>(new CommandDefinition("select id, name from teams order by id", cancellationToken: ct))).AsList();
            Names = await StaffNames.LoadAsync(connection, SubscriptionList.Select(s => s.CreatedBy), ct);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
