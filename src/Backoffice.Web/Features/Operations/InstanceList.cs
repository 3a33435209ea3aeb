using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// The instances list of GET /api/workflow-instances and the /operations page, and the instance both the
/// API and /operations/instances/{id} show: the same filters, order, page size and current steps. A
/// faulted instance's current step is the activity it faulted at; another's are where it waits.
/// </summary>
public static class InstanceList
{
    public const int PageSize = 50;

    /// <summary>What a list is filtered by; null matches everything. <see cref="Page"/> counts from 1.</summary>
    public sealed record Filter(string? Definition, int? Version, string? Status, string? Activity, int Page);

    public sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrderId { get; init; }
        public string OrderNumber { get; init; } = "";
        public string DefinitionId { get; init; } = "";
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public string[] CurrentActivities { get; init; } = [];
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string Variables { get; init; } = "{}";
        public long Total { get; init; }
    }

    public sealed record JournalRow(DateTimeOffset At, string ActivityId, string ActivityType, string? ActivityName, string? Outcome, string Actor, string? Note);

    public sealed record BookmarkRow(string ActivityId, string Kind, string? EventName, DateTimeOffset? DueAt);

    private const string Select =
        """
        select i.id, i.order_id, o.order_number, i.definition_id, i.version, i.status, i.created_at as started_at, i.updated_at,
               case when i.status = 'faulted'
                    then array(select j.activity_id from workflow_journal j where j.instance_id = i.id and j.outcome = 'faulted' order by j.id desc limit 1)
                    else array(select distinct b.activity_id from workflow_bookmarks b where b.instance_id = i.id order by 1) end as current_activities,
        """;

    /// <summary>One page of the instances the filter matches, newest first, and how many match in all.</summary>
    public static async Task<(IReadOnlyList<Row> Rows, long Total)> PageAsync(NpgsqlConnection connection, Filter filter, CancellationToken ct)
    {
        if (FilterText.MatchesNothing(filter.Definition) || FilterText.MatchesNothing(filter.Activity))
        {
            return ([], 0);
        }

        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            Select + """
                   count(*) over () as total
            from workflow_instances i join filing_orders o on o.id = i.order_id
            where (@Definition::text is null or i.definition_id = @Definition) and (@Version::int is null or i.version = @Version)
              and (@Status::text is null or i.status = @Status)
              and (@Activity::text is null or exists (select 1 from workflow_bookmarks b where b.instance_id = i.id and b.activity_id = @Activity))
            order by i.created_at desc, i.id limit @size offset @offset
            """,
            new { filter.Definition, filter.Version, filter.Status, filter.Activity, size = PageSize, offset = (filter.Page - 1) * PageSize },
            cancellationToken: ct))).AsList();
        return (rows, rows.Count == 0 ? 0 : rows[0].Total);
    }

    /// <summary>One instance with its variables, its journal in order and the bookmarks it waits on; null when there is none.</summary>
    public static async Task<(Row Instance, IReadOnlyList<JournalRow> Journal, IReadOnlyList<BookmarkRow> Bookmarks)?> OneAsync(
        NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + """
                   i.variables::text as variables
            from workflow_instances i join filing_orders o on o.id = i.order_id where i.id = @id
            """, new { id }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var journal = await connection.QueryAsync<JournalRow>(new CommandDefinition(
            "select at, activity_id, activity_type, activity_name, outcome, actor, note from workflow_journal where instance_id = @id order by id",
            new { id }, cancellationToken: ct));
        var bookmarks = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            "select activity_id, kind, event_name, due_at from workflow_bookmarks where instance_id = @id order by created_at",
            new { id }, cancellationToken: ct));
        return (row, journal.AsList(), bookmarks.AsList());
    }
}
