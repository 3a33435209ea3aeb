using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.ReviewTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// The reviewer inbox's reads, in one round trip: a page of tasks of one tab (mine, team queue, overdue, done) with
/// filters (each row with its order's first website and domain, read by the websites' primary key), and the count
/// of every tab under the same filters. Only tasks of the reviewer's teams (admins: all);
/// counts stop at <see cref="CountCap"/> so they stay cheap on a long queue.
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
        public string? Website { get; init; }
        public string? Domain { get; init; }
        public int Websites { get; init; }

        /// <summary>Done before its due time (the done tab's on time / late).</summary>
        public bool OnTime => CompletedAt <= DueAt;
    }

    public sealed record Counts(int Mine, int Team, int Overdue, int Done)
    {
        public int Of(string tab) => tab switch { "mine" => Mine, "team" => Team, "overdue" => Overdue, _ => Done };
    }

    /// <summary>What a request of the inbox reads: a page of one tab, the count of every tab, the step filter's titles.</summary>
    public sealed record Read(IReadOnlyList<Row> Rows, bool More, Counts Counts, IReadOnlyList<string> Steps);

    /// <summary>
    /// The tab's page and every tab's count under <paramref name="tasks"/> (none when null: filters that match nothing),
    /// and with <paramref name="withSteps"/> the step filter's titles: their statements in one round trip.
    /// </summary>
    public static async Task<Read> ReadAsync(
        NpgsqlConnection connection, TaskAccess access, Filter? tasks, bool withSteps, DateTimeOffset now, CancellationToken ct)
    {
        var statements = new List<string>();
        if (tasks is not null)
        {
            statements.Add(PageSql(tasks));
            statements.Add(CountsSql(tasks));
        }

        if (withSteps)
        {
            statements.Add(StepsSql);
        }

        if (statements.Count == 0)
        {
            return new([], false, new(0, 0, 0, 0), []);
        }

        var parameters = tasks is null ? null
            : Parameters(access, tasks, now, new { limit = PageSize + 1, offset = (tasks.Page - 1) * PageSize, cap = CountCap });
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(string.Join(";\n", statements), parameters, cancellationToken: ct));
        var (rows, more, counts) = tasks is null ? ([], false, new Counts(0, 0, 0, 0)) : await PageAndCountsAsync(grid);
        return new(rows, more, counts, withSteps ? (await grid.ReadAsync<string>()).AsList() : []);
    }

    private static async Task<(IReadOnlyList<Row> Rows, bool More, Counts Counts)> PageAndCountsAsync(SqlMapper.GridReader grid)
    {
        var rows = (await grid.ReadAsync<Row>()).AsList();
        var more = rows.Count > PageSize;
        return (more ? rows[..PageSize] : rows, more, await grid.ReadSingleAsync<Counts>());
    }

    /// <summary>A page of the tab, each row with its order's first website and domain (read by the websites' primary key).</summary>
    private static string PageSql(Filter filter)
    {
        var order = (filter.Tab, filter.Latest) switch
        {
            ("done", _) => "t.completed_at desc, t.id desc",
            (_, true) => "t.due_at desc, t.id desc",
            _ => "t.due_at, t.id",
        };
        return $"""
            select t.id, t.order_id, o.order_number, o.filing_type, o.province, o.subject_name, t.step, t.team, t.assignee,
                   t.status, t.created_at, t.due_at, t.escalated_at, t.outcome, t.completed_at,
                   w.name as website, w.domain, coalesce(w.websites, 0)::int as websites
            from review_tasks t join filing_orders o on o.id = t.order_id
            left join lateral (
                select name, domains[1] as domain, count(*) over () as websites
                from filing_websites where order_id = t.order_id order by idx limit 1) w on true
            where {Scope(filter.Tab)}{Filters(filter)}
            order by {order} limit @limit offset @offset
            """;
    }

    /// <summary>
    /// The number of rows each tab shows with the same filters, each stopping at <see cref="CountCap"/>. The task
    /// carries its order's filing type and province (db/0016), so counting reads review_tasks alone.
    /// </summary>
    private static string CountsSql(Filter filter)
    {
        string Count(string tab) => $"(select count(*) from (select 1 from review_tasks t where {Scope(tab)}{Filters(filter)} limit @cap) x)::int as {tab}";
        return $"select {string.Join(", ", Tabs.Select(Count))}";
    }

    /// <summary>The tasks a tab holds: mine, the team queue and overdue of the reviewer's teams (admins: all), done by me.</summary>
    private static string Scope(string tab) => tab switch
    {
        "mine" => "t.status = 'open' and t.assignee = @username",
        "overdue" => "t.status = 'open' and (@admin or t.team = any(@teams)) and t.due_at < @now",
        "done" => "t.status = 'done' and t.completed_by = @username",
        _ => "t.status = 'open' and (@admin or t.team = any(@teams))",
    };

    /// <summary>The filters that are set, as conditions on the task (t): the order number through its order; filing type and province as the task carries them.</summary>
    private static string Filters(Filter filter) => string.Concat(
        filter.OrderNumber is null ? "" : " and t.order_id = (select id from filing_orders where order_number = @orderNumber)",
        filter.FilingType is null ? "" : " and t.filing_type = @filingType",
        filter.Province is null ? "" : " and t.province = @province",
        filter.Step is null ? "" : " and t.step = @step",
        filter.Due is null ? "" : " and t.due_at < @dueBefore");

    private static DynamicParameters Parameters(TaskAccess access, Filter filter, DateTimeOffset now, object extra)
    {
        var parameters = new DynamicParameters(new
        {
            username = access.Username, admin = access.IsAdmin, teams = access.Teams.ToArray(), now,
            orderNumber = filter.OrderNumber, filingType = filter.FilingType, province = filter.Province, step = filter.Step,
            dueBefore = DueBefore(filter.Due, now),
        });
        parameters.AddDynamicParams(extra);
        return parameters;
    }

    /// <summary>The human-task steps (titles) of the published definitions, for the step filter.</summary>
    private const string StepsSql =
        """
        select distinct coalesce(a -> 'properties' ->> 'title', a ->> 'name', a ->> 'id')
        from workflow_definition_versions v, jsonb_array_elements(v.document -> 'activities') a
        where v.status = 'published' and a ->> 'type' = 'human-task' order by 1
        """;

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
