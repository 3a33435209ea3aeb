using System.Globalization;
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

    /// <summary>How far each team figure is counted: beyond it the board shows "1,000+" (<see cref="Shown"/>).</summary>
    public const int FigureCap = 1000;

    /// <summary>How far each reviewer's held tasks are counted: the board lists at most this many of a holder's tasks.</summary>
    public const int HeldCap = TaskRows;

    /// <summary>The open tasks the board lists, due first.</summary>
    public const int TaskRows = 200;

    /// <summary>A capped count as the board shows it: "1,000+" when counting stopped past the cap.</summary>
    public static string Shown(int count, int cap) =>
        count > cap ? cap.ToString("N0", CultureInfo.InvariantCulture) + "+" : count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Each active member's open and overdue tasks of the teams, counted member by member from the index of
    /// open tasks by holder (review_tasks_open_assignee, with the team included, db/0100), earliest due first and
    /// stopped past <see cref="HeldCap"/>: the overdue come first, so both counts are exact up to the cap. No task row
    /// is read, and a member holding thousands of tasks costs no more than one holding the cap.
    /// </summary>
    public static async Task<IReadOnlyList<Member>> MembersAsync(NpgsqlConnection connection, IReadOnlyList<string> teams, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<Member>(new CommandDefinition(
            """
            select u.username, u.display_name, held.open, held.overdue
            from users u
            cross join lateral (
                select count(*)::int as open, (count(*) filter (where first.due_at < @now))::int as overdue
                from (select t.due_at from review_tasks t
                      where t.status = 'open' and t.assignee = u.username and t.team = any(@teams)
                      order by t.due_at limit @stop) first) held
            where u.active and exists (select 1 from team_members m where m.user_id = u.id and m.team_id = any(@teams))
            order by held.open desc, u.username
            """, new { teams = teams.ToArray(), now, stop = HeldCap + 1 }, cancellationToken: ct))).AsList();

    /// <summary>
    /// Each team's figures, every one a count from a partial index of open tasks (db/0082) stopped past
    /// <see cref="FigureCap"/>: no task row is read, and a queue of 30,000 costs what one of 1,000 does.
    /// </summary>
    public static async Task<IReadOnlyList<TeamFigures>> FiguresAsync(NpgsqlConnection connection, IReadOnlyList<string> teams, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<TeamFigures>(new CommandDefinition(
            """
            select tm.id as team, tm.name,
                   (select count(*) from (select from review_tasks t where t.status = 'open' and t.team = tm.id limit @stop) c)::int as open,
                   (select count(*) from (select from review_tasks t
                        where t.status = 'open' and t.team = tm.id and t.assignee is null limit @stop) c)::int as unclaimed,
                   (select count(*) from (select from review_tasks t
                        where t.status = 'open' and t.team = tm.id and t.due_at < @now limit @stop) c)::int as breached,
                   (select count(*) from (select from review_tasks t
                        where t.status = 'open' and t.team = tm.id and t.escalated_at is not null limit @stop) c)::int as escalated
            from teams tm where tm.id = any(@teams) order by tm.id
            """, new { teams = teams.ToArray(), now, stop = FigureCap + 1 }, cancellationToken: ct))).AsList();

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
            order by t.due_at, t.id limit @rows
            """, new { teams = teams.ToArray(), holder, breachedOnly, now, rows = TaskRows }, cancellationToken: ct))).AsList();

    public static async Task<IReadOnlyList<Notice>> UnreadAsync(NpgsqlConnection connection, string username, CancellationToken ct) =>
        (await connection.QueryAsync<Notice>(new CommandDefinition(
            """
            select id, body, created_at from outbox_messages
            where channel = 'staff' and recipient = @username and read_at is null order by created_at desc limit 50
            """, new { username }, cancellationToken: ct))).AsList();
}
