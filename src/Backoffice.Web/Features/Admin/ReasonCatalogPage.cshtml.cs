using System.Text.RegularExpressions;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Admin;

/// <summary>
/// /admin/reasons: the return-reason catalogue (docs/DOMAIN.md common return reasons), edited by
/// compliance: labels in both languages, order, retired or active. Codes stay once used; a reason is
/// retired, never deleted, so past returns keep their label.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed partial class ReasonCatalogPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    public sealed record Reason
    {
        public string Code { get; init; } = "";
        public string LabelZh { get; init; } = "";
        public string LabelEn { get; init; } = "";
        public bool Active { get; init; }
        public int Sort { get; init; }
    }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? LabelZh { get; set; }
    [BindProperty] public string? LabelEn { get; set; }
    [BindProperty] public int? Sort { get; set; }
    [BindProperty] public bool Active { get; set; } = true;

    public IReadOnlyList<Reason> Reasons { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Saved { get; private set; }

    /// <summary>The list; <paramref name="edit"/> loads that reason's current values into the form.</summary>
    public async Task OnGetAsync(string? edit)
    {
        await LoadAsync();
        if (Reasons.FirstOrDefault(r => r.Code == edit) is { } reason)
        {
            (Code, LabelZh, LabelEn, Sort, Active) = (reason.Code, reason.LabelZh, reason.LabelEn, reason.Sort, reason.Active);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var code = Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code)) Errors["Code"] = HttpContext.T("代码须为 2 到 64 个小写字母、数字或连字符", "The code is 2 to 64 lower-case letters, digits or hyphens");
        if (string.IsNullOrWhiteSpace(LabelZh) || LabelZh.Length > 200) Errors["LabelZh"] = HttpContext.T("中文名称必填，不超过 200 字", "The Chinese label is required, at most 200 characters");
        if (string.IsNullOrWhiteSpace(LabelEn) || LabelEn.Length > 200) Errors["LabelEn"] = HttpContext.T("英文名称必填，不超过 200 字", "The English label is required, at most 200 characters");
        if (Sort is null or < 0 or > 100_000) Errors["Sort"] = HttpContext.T("排序须为 0 到 100000 的整数", "The order is a whole number from 0 to 100000");
        if (Errors.Count == 0)
        {
            var ct = HttpContext.RequestAborted;
            var now = clock.GetUtcNow();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into reason_codes (code, label_zh, label_en, active, sort) values (@code, @zh, @en, @active, @sort)
                on conflict (code) do update set label_zh = excluded.label_zh, label_en = excluded.label_en, active = excluded.active, sort = excluded.sort
                """,
                new { code, zh = LabelZh!.Trim(), en = LabelEn!.Trim(), active = Active, sort = Sort }, transaction, cancellationToken: ct));
            await AuditLog.WriteAsync(connection, transaction, now, HttpContext.Name(), "reason-code-saved", "reason-code", code,
                new { LabelZh, LabelEn, Active, Sort }, ct);
            await transaction.CommitAsync(ct);
            Saved = code;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        Reasons = (await connection.QueryAsync<Reason>(new CommandDefinition(
            "select code, label_zh, label_en, active, sort from reason_codes order by sort, code", cancellationToken: HttpContext.RequestAborted))).AsList();
    }

    [GeneratedRegex("^[a-z0-9-]{2,64}$")]
    private static partial Regex CodePattern();
}
