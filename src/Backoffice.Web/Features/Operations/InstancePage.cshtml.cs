using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// /operations/instances/{id}: one instance for compliance managers: its path highlighted on its version's
/// graph, the journal in words, its variables and where it waits; a faulted one (an incident) is retried
/// from its failed step or cancelled with a reason here.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class InstancePageModel(NpgsqlDataSource dataSource, DefinitionStore store, Incidents incidents) : PageModel
{
    public InstanceList.Row Instance { get; private set; } = new();
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<InstanceList.JournalRow> Journal { get; private set; } = [];
    public IReadOnlyList<InstanceList.BookmarkRow> Waits { get; private set; } = [];
    public InstanceGraph Graph { get; private set; } = null!;
    public StaffNames Names { get; private set; } = StaffNames.None;
    public JsonObject Variables { get; private set; } = [];
    public string? FailedAt { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var outcome = await incidents.RetryAsync(id, HttpContext.Name(), HttpContext.RequestAborted);
        return await AfterAsync(id, outcome, outcome.Status == "faulted"
            ? Say("已重试，但该步骤再次出错。", "Retried, but the step failed again.")
            : Say("已从出错步骤重试，流程继续运行。", "Retried from the failed step; the workflow runs on."));
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Error = Say("取消须填写原因。", "A cancellation needs a reason.");
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var outcome = await incidents.CancelAsync(id, Reason.Trim()[..Math.Min(Reason.Trim().Length, 500)], HttpContext.Name(), HttpContext.RequestAborted);
        return await AfterAsync(id, outcome, Say("实例已取消。", "The instance is cancelled."));
    }

    public string Say(string zh, string en) => HttpContext.IsEnglish() ? en : zh;

    private async Task<IActionResult> AfterAsync(Guid id, Incidents.Outcome outcome, string done)
    {
        if (outcome.Answer == Incidents.Answer.NotFound)
        {
            return NotFound();
        }

        Message = outcome.Answer == Incidents.Answer.Done ? done : null;
        Error = outcome.Answer == Incidents.Answer.NotFaulted ? Say("该实例已不是出错状态，未做任何更改。", "The instance is no longer faulted; nothing was changed.") : null;
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await InstanceList.OneAsync(connection, id, ct) is not { } instance)
        {
            return false;
        }

        var row = instance.Instance;
        Instance = row;
        Journal = instance.Journal;
        Waits = instance.Bookmarks;
        Definition = await store.GetAsync(connection, row.DefinitionId, row.Version, ct);
        Names = await StaffNames.LoadAsync(connection, Journal.Select(j => j.Actor), ct);
        Variables = JsonNode.Parse(row.Variables) as JsonObject ?? [];
        FailedAt = row.Status == "faulted" ? Journal.LastOrDefault(j => j.Outcome == "faulted")?.ActivityId : null;
        var current = FailedAt is { } failed ? new HashSet<string> { failed } : Waits.Select(w => w.ActivityId).ToHashSet();
        Graph = new InstanceGraph(Definition, Journal.Select(j => j.ActivityId).ToHashSet(), current);
        return true;
    }

    /// <summary>A journal outcome in words: the catalogue's outcome labels, and the engine's own states.</summary>
    public static string Outcome(string? outcome, bool english) => outcome switch
    {
        null => english ? "waiting" : "等待中",
        "faulted" => english ? "failed" : "出错",
        "retried" => english ? "retried" : "重试",
        "cancelled" => english ? "cancelled" : "已取消",
        "migrated" => english ? "moved to another version" : "迁移到新版本",
        _ => string.Join(english ? ", " : "、", outcome.Split(',').Select(o => LabelCatalogue.Of(LabelSet.Outcome, o, english))),
    };

    /// <summary>A journal step by name; the engine's own entries (a migration, a cancellation) by what they are.</summary>
    public string Step(InstanceList.JournalRow row, bool english) => row.ActivityType switch
    {
        "migration" => english ? "Migration" : "版本迁移",
        "incident-cancel" or "cancel" => english ? "Cancellation" : "取消",
        _ => row.ActivityName ?? Definition.Find(row.ActivityId)?.Name ?? row.ActivityId,
    };
}
