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
    NpgsqlDataSource dataSource, TimeProvider clock, ReportBuilds builds, ArchiveQueries archive, Subscriptions subscriptions) : PageModel
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
        public string? Cron { get; set; } = "0 0 9 * * ?";
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

    public async Task OnGetAsync(Guid? edit, string? saved)
    {
        Saved = saved;
        if (edit is { } id && await subscriptions.GetAsync(id, HttpContext.RequestAborted) is { } s)
        {
            Subscription = new SubscriptionForm
            {
                Id = s.Id, Kind = s.Kind, Cron = s.Cron, PeriodDays = s.PeriodDays, FilingType = s.FilingType, Province = s.Province,
                Team = s.Team, Lang = s.English ? "en" : "zh", Recipients = string.Join(", ", s.Recipients), Active = s.Active,
            };
        }

        var today = ReportBuildChecks.Today(clock);
        Build.From ??= Day(today.AddDays(-30));
        Build.To ??= Day(today.AddDays(-1));
        Build.AsOf ??= Day(today);
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
        var request = new ReportBuildRequest(Build.Kind, Build.From, Build.To, Build.AsOf, Build.FilingType, Build.Province, Build.Team, Build.Lang);
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

    public async Task<IActionResult> OnPostSubscriptionAsync()
    {
        var request = new SubscriptionRequest(
            Subscription.Kind, Subscription.Cron, Subscription.PeriodDays, Subscription.FilingType, Subscription.Province, Subscription.Team,
            Subscription.Lang, (Subscription.Recipients ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Subscription.Active);
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

    private async Task LoadAsync()
    {
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
