using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// GET /api/bureau/follow-ups: the bureau liaison team's open follow-up tasks, one per order still waiting
/// for the bureau's result after 20 working days (Kingsoft 管局审核), oldest wait first.
/// </summary>
public static class BureauFollowUpsApi
{
    public sealed record FollowUp
    {
        public Guid Id { get; init; }
        public Guid FilingId { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Team { get; init; } = "";
        public DateTimeOffset WaitingSince { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    public static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return Results.Ok(await OpenAsync(connection, context.RequestAborted));
    }

    public static async Task<IReadOnlyList<FollowUp>> OpenAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<FollowUp>(new CommandDefinition(
            """
            select f.id, f.order_id as filing_id, o.order_number, f.team, f.waiting_since, f.due_at, f.created_at
            from bureau_follow_ups f join filing_orders o on o.id = f.order_id
            where f.status = 'open' order by f.waiting_since limit 500
            """, cancellationToken: ct))).AsList();
}
