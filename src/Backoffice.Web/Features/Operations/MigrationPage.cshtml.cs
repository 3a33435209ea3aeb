using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Operations;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// /operations/migrations/{id}: a compliance manager picks the source and target versions, maps each step
/// where instances can wait to a step of the target (by name), runs the dry run that says per order what
/// would happen, then runs the migration and follows its status.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class MigrationPageModel(NpgsqlDataSource dataSource, DefinitionStore store, InstanceMigrations migrations) : PageModel
{
    private const int ShownResults = 200;
    private static readonly string[] WaitingTypes = [ActivityTypes.HumanTask, ActivityTypes.WaitForApplicant, ActivityTypes.WaitForEvent, ActivityTypes.Delay];

    public sealed record Version(int Number, string Status);

    public sealed record ShownResult(MigrationPlan.Result Result, string OrderNumber, string? Detail);

    public string DefinitionId { get; private set; } = "";
    public string DefinitionName { get; private set; } = "";
    public IReadOnlyList<Version> Versions { get; private set; } = [];
    public WorkflowDefinition? Source { get; private set; }
    public WorkflowDefinition? Target { get; private set; }
    public IReadOnlyDictionary<string, int> WaitingAt { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<ActivityDefinition> WaitSteps => Source?.Activities.Where(a => WaitingTypes.Contains(a.Type)).ToList() ?? [];
    public IReadOnlyList<ShownResult> Results { get; private set; } = [];
    public (int Migrated, int Blocked, int Total) Counts { get; private set; }
    public MigrationReads.MigrationRow? Migration { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "migration")] public Guid? MigrationId { get; set; }
    [BindProperty] public Dictionary<string, string?> Mapping { get; set; } = [];

    /// <summary>A step's chosen target: the posted one, else the step of the same id in the target version.</summary>
    public string Chosen(string activityId) =>
        Mapping.TryGetValue(activityId, out var target) ? target ?? "" : Target?.Find(activityId) is not null ? activityId : "";

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDryRunAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (MigrationRequest() is { } request)
        {
            await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
            var plan = await migrations.PlanAsync(connection, request, HttpContext.RequestAborted);
            await ShowAsync(connection, plan, await InstanceMigrations.DryRunAsync(connection, plan, request, HttpContext.RequestAborted));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (MigrationRequest() is not { } request)
        {
            return Page();
        }

        var migrationId = await migrations.StartAsync(request, HttpContext.Name(), HttpContext.RequestAborted);
        return Redirect($"/operations/migrations/{Uri.EscapeDataString(id)}?from={From}&to={To}&migration={migrationId}");
    }

    /// <summary>Only mapped steps (chosen, and differing from the same id) go in the request; the versions must differ.</summary>
    private InstanceMigrations.Request? MigrationRequest()
    {
        if (Source is null || Target is null || From == To)
        {
            Error = HttpContext.T("请选择两个不同的已发布版本。", "Choose two different published versions.");
            return null;
        }

        var mapping = WaitSteps.Select(s => (s.Id, Target: Chosen(s.Id)))
            .Where(m => m.Target.Length > 0 && m.Target != m.Id && Target.Find(m.Target) is not null)
            .ToDictionary(m => m.Id, m => m.Target);
        return new InstanceMigrations.Request(DefinitionId, Source.Version, Target.Version, mapping, null);
    }

    private async Task<bool> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        DefinitionName = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select name from workflow_definitions where id = @id", new { id }, cancellationToken: ct)) ?? "";
        if (DefinitionName.Length == 0)
        {
            return false;
        }

        DefinitionId = id;
        Versions = (await connection.QueryAsync<Version>(new CommandDefinition(
            "select version as number, status from workflow_definition_versions where definition_id = @id and status in ('published', 'retired') order by version desc",
            new { id }, cancellationToken: ct))).AsList();
        To ??= Versions.FirstOrDefault(v => v.Status == "published")?.Number;
        From ??= Versions.FirstOrDefault(v => v.Number != To)?.Number;
        Source = Versions.Any(v => v.Number == From) ? await store.GetAsync(connection, id, From!.Value, ct) : null;
        Target = Versions.Any(v => v.Number == To) ? await store.GetAsync(connection, id, To!.Value, ct) : null;
        WaitingAt = (await connection.QueryAsync<(string ActivityId, int Count)>(new CommandDefinition(
            """
            select b.activity_id, count(distinct b.instance_id)::int from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where i.definition_id = @id and i.version = @From and i.status = 'running' group by b.activity_id
            """, new { id, From }, cancellationToken: ct))).ToDictionary(r => r.ActivityId, r => r.Count);
        if (MigrationId is { } migrationId && await MigrationReads.FindAsync(connection, id, migrationId, ct) is { } migration)
        {
            Migration = migration;
            var plan = await migrations.PlanAsync(connection, new InstanceMigrations.Request(id, migration.FromVersion, migration.ToVersion, migration.MappingOf(), null), ct);
            await ShowAsync(connection, plan, [.. await MigrationReads.ResultsAsync(connection, migrationId, ct)]);
        }

        return true;
    }

    private async Task ShowAsync(NpgsqlConnection connection, MigrationPlan plan, IReadOnlyList<MigrationPlan.Result> results)
    {
        var english = HttpContext.IsEnglish();
        Counts = (results.Count(r => r.Outcome == MigrationPlan.Migrated), results.Count(r => r.Outcome == MigrationPlan.Blocked), results.Count);
        var shown = results.OrderBy(r => r.Outcome == MigrationPlan.Migrated).Take(ShownResults).ToList();
        var numbers = (await connection.QueryAsync<(Guid Id, string OrderNumber)>(new CommandDefinition(
            "select i.id, o.order_number from workflow_instances i join filing_orders o on o.id = i.order_id where i.id = any(@ids)",
            new { ids = shown.Select(r => r.InstanceId).ToArray() }, cancellationToken: HttpContext.RequestAborted))).ToDictionary(r => r.Id, r => r.OrderNumber);
        Results = [.. shown.Select(r => new ShownResult(r, numbers.GetValueOrDefault(r.InstanceId, ""), MigrationReasons.Describe(r, plan, english, Migration is not null)))];
    }
}
