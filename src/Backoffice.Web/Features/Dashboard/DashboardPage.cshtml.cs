using System.Globalization;
using System.Text.Json;
using Backoffice.Reports;
using Backoffice.Reports.Dashboard;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Dashboard;

/// <summary>
/// /dashboard: the headline figures of the SLA and bureau-results workbooks for a chosen period (the last
/// 30 days by default) beside the previous period and the same period last year, from the per-day figures kept
/// for the dashboard (<see cref="DashboardDays"/>, on the primary: a read first computes the orders that changed and their days), as tables and as charts the page's script
/// draws from the figures it carries in a data attribute (the CSP allows no inline script). A team lead sees the
/// stages and escalations of the teams he leads (<see cref="DashboardScope"/>), a stage linking to his lead board.
/// </summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class DashboardPageModel(
    NpgsqlDataSource dataSource, WorkingCalendarStore calendars, ApplicationClock clock, IOptions<ReportTargets> targets) : PageModel
{
    /// <summary>The order statuses in which an order is in each stage: a stage's drill-down lists those orders.</summary>
    private static readonly Dictionary<string, string> StageStatus = new(StringComparer.Ordinal)
    {
        ["initial-review"] = FilingStatus.InitialReview, ["verification"] = FilingStatus.Verification,
        ["second-review"] = FilingStatus.SecondReview, ["submission"] = FilingStatus.AtBureau,
        ["sms-verification"] = FilingStatus.SmsVerification, ["bureau-review"] = FilingStatus.BureauReview,
    };

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public DashboardFigures? Figures { get; private set; }
    public DashboardScope? Scope { get; private set; }

    /// <summary>A team lead's view: his teams' figures only, drill-down to his lead board.</summary>
    public bool ForLead => !DashboardScope.SeesWholeDesk(User);

    /// <summary>The figures as the page's script reads them.</summary>
    public string FiguresJson => JsonSerializer.Serialize(
        Figures is not { } f ? null : new
        {
            f.SlaTarget, f.ApprovalTarget, f.Weeks,
            Stages = f.Stages.Select(s => new { s.Name, s.ShareWithinSla, Link = StageLink(s.Stage) }),
            Provinces = f.Provinces.Select(p => new { p.Name, p.ApprovalRate, Link = OrdersOfProvince(p.Province) }),
        },
        JsonSerializerOptions.Web);

    /// <summary>Where a stage drills down to: the orders now in it, or for a lead his board of his teams' open tasks.</summary>
    public string? StageLink(string stage) => ForLead ? "/board" : OrdersOfStage(stage);

    public static string? OrdersOfStage(string stage) =>
        StageStatus.TryGetValue(stage, out var status) ? $"/orders?status={Uri.EscapeDataString(status)}" : null;

    public static string OrdersOfProvince(string province) => $"/orders?province={Uri.EscapeDataString(province)}";

    public static string Percent(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    /// <summary>How far below its target a share is amber rather than red (configuration, as the workbooks' covers).</summary>
    public double AmberMargin => targets.Value.AmberMargin;

    public static string Range(DashboardPeriod period) =>
        $"{period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ~ {period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A headline figure: a share as a percentage, a count with thousands separators; none as a dash.</summary>
    public static string Figure(HeadlineTrend h, double? value) =>
        value is not { } v ? "–" : h.IsShare ? Percent(v) : v.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A change, signed, in the cover's formats (a share's change in percentage points).</summary>
    public static string Change(HeadlineTrend h, double? change) =>
        change is not { } c ? "–" : c.ToString(h.IsShare ? "+0.0%;-0.0%;0.0%" : "+#,##0;-#,##0;0", CultureInfo.InvariantCulture);

    public static string? RagClass(string? rag) => rag is null ? null : $"rag rag-{rag}";

    /// <summary>The colour's meaning in words, so that it is not told by colour alone.</summary>
    public static string RagMark(string? rag, UiText t) => rag switch
    {
        "green" => t["（达标）", " (on target)"],
        "amber" => t["（略低于目标）", " (just below target)"],
        "red" => t["（未达标）", " (below target)"],
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        var today = clock.Today;
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            From = today.AddDays(1 - DashboardApi.DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var ct = HttpContext.RequestAborted;
        var errors = new ValidationErrors();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Scope = await DashboardScope.ForAsync(User, connection, Team, HttpContext.IsEnglish(), errors, ct);
        if (Scope.NotFound)
        {
            return NotFound();
        }

        var parameters = new ReportQuery(From, To, null, null, null, null)
            .Validate(Report.BureauResults, errors, [], today, HttpContext.IsEnglish(), HttpContext.Name(), clock.GetUtcNow());
        if (parameters is null || !errors.IsEmpty)
        {
            Errors = errors.ToDictionary(HttpContext.IsEnglish());
            return Page();
        }

        var calendar = await calendars.GetAsync(connection, ct);
        Figures = await DashboardFigures.ReadAsync(connection, calendar, parameters with { Targets = targets.Value }, Scope.Teams, ct);
        return Page();
    }
}
