using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.ProvinceRules;

/// <summary>
/// /admin/province-rules: compliance views and edits the province rules (docs/FILING-RULES.md) by province name, saves
/// them as a new version with a note, and reads the version history with its audit. A save with any error changes
/// nothing and shows each error at its province.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class ProvinceRulesPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    [BindProperty] public int? SmsWindowHours { get; set; }
    [BindProperty] public List<ProvinceRuleForm> Rows { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public ProvinceRulesVersion Current { get; private set; } = new(0, null, null, null, ProvinceRuleDefaults.Set);
    public IReadOnlyList<ProvinceRulesHistory.Entry> History { get; private set; } = [];
    public StaffNames Names { get; private set; } = StaffNames.None;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public int? Saved { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        SmsWindowHours = Current.Rules.SmsWindowHours;
        Rows = [.. Current.Rules.Provinces!.OfType<ProvinceRule>().Select(ProvinceRuleForm.Of)];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var before = await ProvinceRuleStore.RulesAsync(connection, ct);
        var rules = new ProvinceRuleSet { SmsWindowHours = SmsWindowHours, Provinces = [.. Rows.Select(r => r.ToRule(before.For(r.Province)))] };
        var errors = ProvinceRuleValidator.Validate(rules, Note);
        foreach (var key in ModelState.Where(s => s.Value?.Errors.Count > 0).Select(s => s.Key))
        {
            errors.Add(key, "value-unparsable", HttpContext.T("整数", "a whole number"));
        }

        if (errors.IsEmpty)
        {
            Saved = (await ProvinceRuleStore.SaveAsync(connection, rules, Note!.Trim(), HttpContext.Name(), clock.GetUtcNow(), ct)).Version;
            Note = null;
            ModelState.Clear();
        }

        Errors = errors.All;
        await LoadAsync();
        return Page();
    }

    /// <summary>The message of each error at <paramref name="prefix"/> (a row is <c>provinces[i]</c> / <c>Rows[i]</c>).</summary>
    public IEnumerable<string> ErrorsAt(params string[] prefixes) =>
        Errors.Where(e => prefixes.Any(p => e.Path == p || e.Path.StartsWith(p + ".", StringComparison.Ordinal) || e.Path.StartsWith(p + "[", StringComparison.Ordinal)))
            .Select(e => ValidationMessages.Format(e.Code, HttpContext.IsEnglish(), e.Args));

    public string ProvinceName(string code) => LabelCatalogue.Of(LabelSet.Province, code, HttpContext.IsEnglish());

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Current = await ProvinceRuleStore.CurrentAsync(connection, ct);
        History = await ProvinceRulesHistory.LoadAsync(connection, ct);
        Names = await StaffNames.LoadAsync(connection, [Current.SavedBy, .. History.SelectMany(h => new[] { h.SavedBy, h.AuditActor })], ct);
    }
}
