using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// /operations: for compliance managers, the instances of every definition and version counted by status,
/// and the instances of the chosen definition, version and status with the steps they are at (by name),
/// 50 a page, newest first. Faulted instances are the incidents.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class InstancesPageModel(NpgsqlDataSource dataSource, DefinitionStore store) : PageModel
{
    public sealed record VersionCounts
    {
        public string DefinitionId { get; init; } = "";
        public string Name { get; init; } = "";
        public int Version { get; init; }
        public int Running { get; init; }
        public int Faulted { get; init; }
        public int Finished { get; init; }
        public int Cancelled { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Definition { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<VersionCounts> Counts { get; private set; } = [];
    public IReadOnlyList<(InstanceList.Row Row, string[] Steps)> Rows { get; private set; } = [];
    public long Total { get; private set; }
    public int Pages => (int)Math.Max(1, (Total + InstanceList.PageSize - 1) / InstanceList.PageSize);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Status = InstanceLabels.Statuses.Contains(Status) ? Status : "running";
        PageNumber = Math.Clamp(PageNumber, 1, 100000);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Counts = (await connection.QueryAsync<VersionCounts>(new CommandDefinition(
            """
            select i.definition_id, d.name, i.version, count(*) filter (where i.status = 'running')::int as running,
                   count(*) filter (where i.status = 'faulted')::int as faulted, count(*) filter (where i.status = 'finished')::int as finished,
                   count(*) filter (where i.status = 'cancelled')::int as cancelled
            from workflow_instances i join workflow_definitions d on d.id = i.definition_id
            group by i.definition_id, d.name, i.version order by i.definition_id, i.version desc
            """, cancellationToken: ct))).AsList();
        (var rows, Total) = await InstanceList.PageAsync(connection, new InstanceList.Filter(Definition, Version, Status, null, PageNumber), ct);
        var named = new List<(InstanceList.Row, string[])>();
        foreach (var row in rows)
        {
            var steps = await InstanceLabels.StepsAsync(connection, store, row.DefinitionId, row.Version, ct);
            named.Add((row, row.CurrentActivities.Select(steps).ToArray()));
        }

        Rows = named;
    }
}
