using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// Operations on workflow instances for compliance managers (API.md, "Safe change and operations"):
/// the instances of a definition and version, by status and current step, 50 a page, newest first;
/// and one instance with its journal, variables and the bookmarks it waits on. A faulted instance's
/// current step is the activity it faulted at.
/// </summary>
public static class InstancesApi
{
    private const int PageSize = 50;
    private static readonly string[] Statuses = ["running", "faulted", "finished", "cancelled"];

    private sealed record InstanceRow
    {
        public Guid Id { get; init; }
        public Guid OrderId { get; init; }
        public string OrderNumber { get; init; } = "";
        public string DefinitionId { get; init; } = "";
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public string[] CurrentActivities { get; init; } = [];
        public DateTimeOffset StartedAt { get; init; }
        public string Variables { get; init; } = "{}";
        public long Total { get; init; }
    }

    private sealed record JournalRow(DateTimeOffset At, string ActivityId, string ActivityType, string? ActivityName, string? Outcome, string Actor, string? Note);

    private sealed record BookmarkRow(string ActivityId, string Kind, string? EventName, DateTimeOffset? DueAt);

    private const string Select =
        """
        select i.id, i.order_id, o.order_number, i.definition_id, i.version, i.status, i.created_at as started_at, i.variables::text as variables,
               case when i.status = 'faulted'
                    then array(select j.activity_id from workflow_journal j where j.instance_id = i.id and j.outcome = 'faulted' order by j.id desc limit 1)
                    else array(select distinct b.activity_id from workflow_bookmarks b where b.instance_id = i.id order by 1) end as current_activities,
               count(*) over () as total
        from workflow_instances i join filing_orders o on o.id = i.order_id
        """;

    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").RequireAuthorization(Policies.Compliance).WithTags("Workflow instances");
        group.MapGet("/", ListAsync).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync);
        group.MapIncidents();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? definition, int? version, string? status, string? activity, int? page, HttpContext context, NpgsqlDataSource dataSource)
    {
        var errors = new ValidationErrors();
        if (status is not null && !Statuses.Contains(status))
        {
            errors.Add("status", "invalid-choice", string.Join(", ", Statuses));
        }

        if (page is < 1 or > 100000)
        {
            errors.Add("page", "page-range");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        if (FilterText.MatchesNothing(definition) || FilterText.MatchesNothing(activity))
        {
            return Results.Ok(new { items = Array.Empty<object>(), total = 0 });
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var rows = (await connection.QueryAsync<InstanceRow>(new CommandDefinition(
            Select + """

            where (@definition::text is null or i.definition_id = @definition) and (@version::int is null or i.version = @version)
              and (@status::text is null or i.status = @status)
              and (@activity::text is null or exists (select 1 from workflow_bookmarks b where b.instance_id = i.id and b.activity_id = @activity))
            order by i.created_at desc, i.id limit @size offset @offset
            """,
            new { definition, version, status, activity, size = PageSize, offset = ((page ?? 1) - 1) * PageSize },
            cancellationToken: context.RequestAborted))).AsList();
        return Results.Ok(new { items = rows.Select(Summary), total = rows.Count == 0 ? 0 : rows[0].Total });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(Select + " where i.id = @id", new { id }, cancellationToken: ct));
        if (row is null)
        {
            return Problems.NotFound(context);
        }

        var journal = await connection.QueryAsync<JournalRow>(new CommandDefinition(
            "select at, activity_id, activity_type, activity_name, outcome, actor, note from workflow_journal where instance_id = @id order by id",
            new { id }, cancellationToken: ct));
        var bookmarks = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            "select activity_id, kind, event_name, due_at from workflow_bookmarks where instance_id = @id order by created_at",
            new { id }, cancellationToken: ct));
        return Results.Ok(new
        {
            row.Id, row.OrderId, row.OrderNumber, row.DefinitionId, row.Version, row.Status, row.CurrentActivities, row.StartedAt,
            journal, variables = JsonNode.Parse(row.Variables), bookmarks,
        });
    }

    private static object Summary(InstanceRow row) => new
    {
        row.Id, row.OrderId, row.OrderNumber, row.DefinitionId, row.Version, row.Status, row.CurrentActivities, row.StartedAt,
    };
}
