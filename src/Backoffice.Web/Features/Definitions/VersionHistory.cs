using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// Every version of a definition with who saved, requested, approved or rejected and published it (the login for
/// the console and the display name for the designer), when, the notes, and the orders running on it.
/// </summary>
public static class VersionHistory
{
    public sealed record VersionRow
    {
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public string? Note { get; init; }
        public string SavedBy { get; init; } = "";
        public DateTimeOffset SavedAt { get; init; }
        public string? PublishedBy { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public string? RequestedBy { get; init; }
        public DateTimeOffset? RequestedAt { get; init; }
        public string? DecidedBy { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecisionNote { get; init; }
        public int RunningInstances { get; init; }
        public string? SavedByName { get; init; }
        public string? PublishedByName { get; init; }
        public string? RequestedByName { get; init; }
        public string? DecidedByName { get; init; }
    }

    private sealed record WaitingRow(string ActivityId, int Waiting);

    public static async Task<IResult> ListAsync(string id, HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            select v.version, v.status, v.note, v.saved_by, v.saved_at, v.published_by, v.published_at,
                   v.requested_by, v.requested_at, v.decided_by, v.decided_at, v.decision_note,
                   (select count(*)::int from workflow_instances i
                    where i.definition_id = v.definition_id and i.version = v.version and i.status = 'running') as running_instances
            from workflow_definition_versions v where v.definition_id = @id order by v.version desc
            """, new { id }, cancellationToken: context.RequestAborted))).AsList();
        if (versions.Count == 0)
        {
            return Problems.NotFound(context);
        }

        var names = await StaffNames.LoadAsync(connection, versions.SelectMany(v => new[] { v.SavedBy, v.PublishedBy, v.RequestedBy, v.DecidedBy }),
            context.RequestAborted);
        var english = context.IsEnglish();
        string? Named(string? login) => login is null ? null : names.Of(login, english);
        return Results.Ok(versions.Select(v => v with
        {
            SavedByName = Named(v.SavedBy),
            PublishedByName = Named(v.PublishedBy),
            RequestedByName = Named(v.RequestedBy),
            DecidedByName = Named(v.DecidedBy),
        }).ToList());
    }

    /// <summary>How many running orders of one version wait at each activity (human task, applicant, event or timer).</summary>
    public static async Task<IResult> WaitingAsync(string id, int version, HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var running = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            """
            select (select count(*)::int from workflow_instances i where i.definition_id = @id and i.version = @version and i.status = 'running')
            from workflow_definition_versions where definition_id = @id and version = @version
            """, new { id, version }, cancellationToken: ct));
        if (running is null)
        {
            return Problems.NotFound(context);
        }

        var waiting = await connection.QueryAsync<WaitingRow>(new CommandDefinition(
            """
            select b.activity_id, count(distinct b.instance_id)::int as waiting
            from workflow_bookmarks b join workflow_instances i on i.id = b.instance_id
            where i.definition_id = @id and i.version = @version and i.status = 'running'
            group by b.activity_id
            """, new { id, version }, cancellationToken: ct));
        return Results.Ok(new { version, runningInstances = running, waiting = waiting.ToDictionary(w => w.ActivityId, w => w.Waiting) });
    }
}
