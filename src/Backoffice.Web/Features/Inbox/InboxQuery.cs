using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.Clock;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// The reviewer inbox's reads: a page of tasks of one tab (mine, team queue, overdue, done) with
/// filters, and the count of every tab. Only tasks of the reviewer's teams (admins: all); counts stop
/// at <see cref="CountCap"/> so they stay cheap on a long queue.
/// </summary>
public static class InboxQuery
{
    public const int PageSize = 50;
    public const int CountCap = 1000;
    public static readonly string[] Tabs = ["mine", "team", "overdue", "done"];
    public static readonly string[] DueFilters = ["overdue", "today", "week"];

    public sealed record Filter(string Tab, string? OrderNumber, string? FilingType, string? Province, string? Step, string? Due, bool Latest, int Page);

    public sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrderId { get; init; }
        public string OrderNumber { get; init; } = "";
        public string FilingType { get; init; } = "";
        public string Province { get; init; } = "";
        public string SubjectName { get; init; } = "";
        public string Step { get; init; } = "";
        public string Team { get; init; } = "";
        public string? Assignee { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public DateTimeOffset? EscalatedAt { get; init; }
        public string? Outcome { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
    }

    public sealed record Counts(int Mine, int Team, int Overdue, int Done)
    {
        public int Of(string tab) => tab switch { "mine" => Mine, "team" => Team, "overdue" => Overdue, _ => Done };
    }

    public static async Task<(IReadOnlyList<Row> Rows, bool More)> PageAsync(
        NpgsqlConnection connection, TaskAccess access, Filter filter, DateTimeOffset now, CancellationToken ct)
    {
        var scope = filter.Tab switch
        {
            "mine" => "t.status = 'open' and t.assignee = @username",
            "overdue" => "t.status = 'open' and (@admin or t.team = any(@teams)) and t.due_at < @now",
            "done" => "t.status = 'done' and t.completed_by = @username",
            _ => "t.status = 'open' and (@admin or t.team = any(@teams))",
        };
        var order = (filter.Tab, filter.Latest) switch
        {
            ("done", _) => "t.completed_at desc, t.id desc",
            (_, true) => "t.due_at desc, t.id desc",
            _ => "t.due_at, t.id",
        };
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select t.id, t.order_id, o.order_number, o.filing_type, o.province, o.subject_name, t.step, t.team, t.assignee,
                   t.status, t.created_at, t.due_at, t.escalated_at, t.outcome, t.completed_at
            from review_tasks t join filing_orders o on o.id = t.order_id
            where {scope}
              and (@orderNumber::text is null or o.order_number = @orderNumber)
              and (@filingType::text is null or o.filing_type = @filingType)
              and (@province::text is null or o.province = @province)
              and (@step::text is null or t.step = @step)
              and (@dueBefore::timestamptz is null or t.due_at < @dueBefore)
            order by {order} limit @limit offset @offset
            """,
            new
            {
                username = access.Username, admin = access.IsAdmin, teams = access.Teams.ToArray(), now,
                filter.OrderNumber, filter.FilingType, filter.Province, filter.Step, dueBefore = DueBefore(filter.Due, now),
                limit = PageSize + 1, offset = (filter.Page - 1) * PageSize,
            }, cancellationToken: ct))).AsList();
        var more = rows.Count > PageSize;
        return (more ? rows[..PageSize] : rows, more);
    }

    public static Task<Counts> CountsAsync(NpgsqlConnection connection, TaskAccess access, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            select
              (select count(*) from (select 1 from review_tasks where status = 'open' and assignee = @username limit @cap) x)::int as mine,
              (select count(*) from (select 1 from review_tasks where status = 'open' and (@admin or team = any(@teams)) limit @cap) x)::int as team,
              (select count(*) from (select 1 from review_tasks where status = 'open' and (@admin or team = any(@teams)) and due_at < @now limit @cap) x)::int as overdue,
              (select count(*) from (select 1 from review_tasks where status = 'done' and completed_by = @username limit @cap) x)::int as done
            """,
            new { username = access.Username, admin = access.IsAdmin, teams = access.Teams.ToArray(), now, cap = CountCap },
            cancellationToken: ct));

    /// <summary>The human-task steps (titles) of the published definitions, for the step filter.</summary>
    public static async Task<IReadOnlyList<string>> StepsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            """
            select distinct coalesce(a -> 'properties' ->> 'title', a ->> 'name', a ->> 'id')
            from workflow_definition_versions v, jsonb_array_elements(v.document -> 'activities') a
            where v.status = 'published' and a ->> 'type' = 'human-task' order by 1
            """, cancellationToken: ct))).AsList();

    /// <summary>"today": before the end of the day in China; "week": within seven days; "overdue": already due.</summary>
    private static DateTimeOffset? DueBefore(string? due, DateTimeOffset now)
    {
        var china = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone);
        return due switch
        {
            "overdue" => now,
            "today" => new DateTimeOffset(china.Date.AddDays(1), china.Offset),
            "week" => now.AddDays(7),
            _ => null,
        };
    }
}
