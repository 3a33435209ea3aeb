using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// GET /api/workflow-definitions/{id}/impact?from=&amp;to=: before publishing, each step added, changed or
/// removed from version <c>from</c> to <c>to</c>, in business language, with how many running orders of
/// <c>from</c> wait there now and what happens to them: they finish on their version unless migrated.
/// </summary>
public static class ImpactPreview
{
    private sealed record WaitingRow(string ActivityId, int Waiting);

    private sealed record Step(string ActivityId, string Name, string Change, string Description);

    /// <summary>
    /// One entry per step: added or removed as such; changed when its type, name or properties changed or
    /// where one of its outcomes leads (its descriptions joined).
    /// </summary>
    private static List<Step> Steps(IReadOnlyList<DescribedChange> changes, bool english)
    {
        var gone = changes.Where(c => c.Kind is "activity-added" or "activity-removed").Select(c => c.ActivityId).ToHashSet();
        return
        [
            .. changes.Where(c => c.Kind is "activity-added" or "activity-removed")
                .Select(c => new Step(c.ActivityId!, c.Name!, c.Kind["activity-".Length..], c.Description)),
            .. changes.Where(c => c.Kind != "start-changed" && !gone.Contains(c.ActivityId))
                .GroupBy(c => c.ActivityId!)
                .Select(g => new Step(g.Key, g.First().Name!, "changed", string.Join(english ? "; " : "；", g.Select(c => c.Description)))),
        ];
    }

    public static async Task<IResult> GetAsync(string id, int? from, int? to, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (before, after, problem) = await VersionDiff.VersionsAsync(connection, store, id, from, to, context);
        if (problem is not null)
        {
            return problem;
        }

        var english = context.IsEnglish();
        var described = new ChangeDescriptions(before, after, await ChangeLabels.LoadAsync(connection, english, ct))
            .All(DefinitionDiff.Between(before, after));
        var steps = Steps(described, english);
        using var counts = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            select count(*)::int from workflow_instances where definition_id = @id and version = @from and status = 'running';
            select b.activity_id, count(distinct b.instance_id)::int as waiting
            from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where i.definition_id = @id and i.version = @from and i.status = 'running' and b.activity_id = any(@activities)
            group by b.activity_id;
            """,
            new { id, from, activities = steps.Select(s => s.ActivityId).ToArray() }, cancellationToken: ct));
        var runningOnFrom = await counts.ReadSingleAsync<int>();
        var waiting = (await counts.ReadAsync<WaitingRow>()).ToDictionary(w => w.ActivityId, w => w.Waiting);
        var changes = steps.Select(step =>
        {
            var count = waiting.GetValueOrDefault(step.ActivityId);
            var fate = count == 0 ? "" : english
                ? $" — {count} running orders wait here; they finish on version {from} unless migrated"
                : $" —— {count} 个运行中订单在此等待，将按版本 {from} 完成（除非迁移）";
            return new { activityId = step.ActivityId, name = step.Name, change = step.Change, description = step.Description + fate, waiting = count };
        });
        return Results.Ok(new { id, from, to, changes, runningOnFrom });
    }
}
