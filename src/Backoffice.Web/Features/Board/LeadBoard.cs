using Backoffice.Web.Features.Inbox;
using Backoffice.Workflows.ReviewTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Board;

/// <summary>The team lead's reads: load per reviewer, per-team queue figures, open tasks to reassign, unread escalations.</summary>
public static class LeadBoard
{
    public sealed record Member
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public int Open { get; init; }
        public int Overdue { get; init; }
    }

    public sealed record TeamFigures
    {
        public string Team { get; init; } = "";
        public string Name { get; init; } = "";
        public int Open { get; init; }
        public int Unclaimed { get; init; }
        public int Breached { get; init; }
        public int Escalated { get; init; }
    }

    public sealed record Notice
    {
        public Guid Id { get; init; }
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    public static async Task<IReadOnlyList<string>> TeamsAsync(NpgsqlConnection connection, TaskAccess access, CancellationToken ct) =>
        access.IsAdmin
            ? (await connection.QueryAsync<string>(new CommandDefinition("select id from teams order by id", cancellationToken: ct))).AsList()
            : [.. access.LeadOf.Order()];

    /// <summary>
    /// Each active member's open and overdue tasks of the teams, counted member by member from the index of
    /// open tasks by holder (review_tasks_open_assignee, with the team included, db/0100): no task row is read,
    /// where joining the members to the tasks read every open task of the teams and hashed them.
    /// </summary>
    public static async Task<IReadOnlyList<Member>> MembersAsync(NpgsqlConnection connection, IReadOnlyList<string> teams, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<Member>(new CommandDefinition(
            """
            select u.username, u.display_name, held.open, held.overdue
            from users u
            cross join lateral (
                select count(*)::int as open, (count(*) filter (where t.due_at < @now))::int as overdue
                from review_tasks t where t.status = 'open' and t.assignee = u.username and t.team = any(@teams)) held
            where u.active and exists (select 1 from team_members m where m.user_id = u.id and m.team_id = any(@teams))
            order by held.open desc, u.username
            """, new { teams = teams.ToArray(), now }, cancellationToken: ct))).AsList();

    /// <summary>
    /// Each team's figures, every one a count from a partial index of open tasks (db/0082): no task row is read,
    /// where grouping the joined tasks read all of them from the heap and sorted them.
    /// </summary>
    public static async Task<IReadOnlyList<TeamFigures>> FiguresAsync(NpgsqlConnection connection, IReadOnlyList<string> teams, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<TeamFigures>(new CommandDefinition(
            """
            select tm.id as team, tm.name,
                   (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id)::int as open,
                   (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.assignee is null)::int as unclaimed,
                   (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.due_at < @now)::int as breached,
                   (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.escalated_at is not null)::int as escalated
            from teams tm where tm.id = any(@teams) order by tm.id
            """, new { teams = teams.ToArray(), now }, cancellationToken: ct))).AsList();

    /// <summary>Open tasks of the teams, due first; "holder" narrows to one reviewer ("-" for unclaimed).</summary>
    public static async Task<IReadOnlyList<InboxQuery.Row>> TasksAsync(
        NpgsqlConnection connection, IReadOnlyList<string> teams, string? holder, bool breachedOnly, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<InboxQuery.Row>(new CommandDefinition(
            """
            select t.id, t.order_id, o.order_number, o.filing_type, o.province, o.subject_name, t.step, t.team, t.assignee,
                   t.status, t.created_at, t.due_at, t.escalated_at, t.outcome, t.completed_at
            from review_tasks t join filing_orders o on o.id = t.order_id
            where t.status = 'open' and t.team = any(@teams)
              and (@holder::text is null or (@holder = '-' and t.assignee is null) or t.assignee = @holder)
              and (not @breachedOnly or t.due_at < @now)
            order by t.due_at, t.id limit 200
            """, new { teams = teams.ToArray(), holder, breachedOnly, now }, cancellationToken: ct))).AsList();

    public static async Task<IReadOnlyList<Notice>> UnreadAsync(NpgsqlConnection connection, string username, CancellationToken ct) =>
        (await connection.QueryAsync<Notice>(new CommandDefinition(
            """
            select id, body, created_at from outbox_messages
            where channel = 'staff' and recipient = @username and read_at is null order by created_at desc limit 50
            """, new { username }, cancellationToken: ct))).AsList();
}
