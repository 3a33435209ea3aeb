using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// /bureau: the bureau liaison's desk. Orders waiting for the bureau, a result recorded by hand, or a
/// results spreadsheet imported: all rows checked first, a report of the rejected ones, nothing half-applied.
/// The waiting list counts the working days each order has been at the bureau against the legal 20 and marks
/// as overdue the orders whose bureau review passed them (their liaison follow-up task is open).
/// </summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class BureauDeskPageModel(NpgsqlDataSource dataSource, BureauResultBatch batch, TimeProvider clock, WorkingCalendarStore calendars) : PageModel
{
    /// <summary>The bureau reviews within 20 working days by law.</summary>
    public const int BureauWorkingDays = 20;

    public sealed record WaitingOrder
    {
        public Guid Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string SubjectName { get; init; } = "";
        public string Province { get; init; } = "";
        public string FilingType { get; init; } = "";
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset AtBureauSince { get; init; }
        public int WorkingDaysAtBureau { get; init; }

        /// <summary>When the bureau liaison's follow-up task was opened: the bureau's 20 working days are over.</summary>
        public DateTimeOffset? FollowUpOpenedAt { get; init; }
    }

    [BindProperty] public string? OrderNumber { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string[] ReasonCodes { get; set; } = [];

    public IReadOnlyList<WaitingOrder> Waiting { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> Reasons { get; private set; } = [];
    public BureauResultBatch.Outcome? Outcome { get; private set; }

    /// <summary>The outcome is of the hand-entered form: its errors show at its fields.</summary>
    public bool Manual { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The results sheet to fill in (<see cref="BureauResultTemplate"/>), its reasons listed with their Chinese labels.</summary>
    public async Task<IActionResult> OnGetTemplateAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        var reasons = (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "select code, label_zh from reason_codes where active order by sort, code", cancellationToken: HttpContext.RequestAborted))).AsList();
        return File(BureauResultTemplate.Build(reasons), BureauResultTemplate.ContentType, BureauResultTemplate.FileName);
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        Manual = true;
        Outcome = await batch.RecordAsync(
            [new BureauResultBatch.Row(1, OrderNumber?.Trim(), Kind, ReasonCodes)], HttpContext.Name(), "manual", HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0 || file.Length > BureauResultFile.MaxBytes)
        {
            Outcome = Refused("请选择不超过 5 MB 的 .xlsx 结果文件", "Choose an .xlsx results file of at most 5 MB");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var rows = BureauResultFile.Read(stream);
            Outcome = rows is null
                ? Refused("无法读取该文件，请上传 .xlsx 格式的结果表", "The file cannot be read; upload an .xlsx results sheet")
                : await batch.RecordAsync(rows, HttpContext.Name(), file.FileName, HttpContext.RequestAborted);
        }

        await LoadAsync();
        return Page();
    }

    private static BureauResultBatch.Outcome Refused(string zh, string en) => new([new BureauResultBatch.RowError(0, "file", zh, en)], []);

    private async Task LoadAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        var calendar = await calendars.GetAsync(connection, HttpContext.RequestAborted);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime);
        Waiting = (await connection.QueryAsync<WaitingOrder>(new CommandDefinition(
            """
            select o.id, o.order_number, o.status, o.subject_name, o.province, o.filing_type, o.submitted_at,
                   coalesce((select max(t.at) from filing_timeline t where t.order_id = o.id and t.status = @atBureau), o.updated_at) as at_bureau_since,
                   (select min(f.created_at) from bureau_follow_ups f where f.order_id = o.id and f.status = 'open') as follow_up_opened_at
            from filing_orders o
            where o.status = any(@statuses) order by at_bureau_since limit 100
            """,
            new { atBureau = FilingStatus.AtBureau, statuses = new[] { FilingStatus.AtBureau, FilingStatus.SmsVerification, FilingStatus.BureauReview } },
            cancellationToken: HttpContext.RequestAborted)))
            .Select(o => o with
            {
                WorkingDaysAtBureau = calendar.WorkingDaysBetween(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.AtBureauSince, ChinaTime.Zone).DateTime), today),
            }).ToList();
        var label = HttpContext.IsEnglish() ? "label_en" : "label_zh";
        Reasons = (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            $"select code, {label} from reason_codes where active order by sort, code", cancellationToken: HttpContext.RequestAborted))).AsList();
    }
}
