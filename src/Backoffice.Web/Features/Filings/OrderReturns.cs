using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// An order's returns by review, oldest first, as the applicant reads them on GET /api/filings/{id}: the step, the
/// reason codes, the comment and the fields and materials the return concerns, each with its reason
/// (<c>items[{path, reason}]</c>), and the order's data as it was returned (for staff: what changed since).
/// </summary>
public static class OrderReturns
{
    public sealed record Item(string Path, string Reason);

    public sealed record Entry(int Number, Guid TaskId, DateTimeOffset At, string Step, string[] ReasonCodes, string? Comment, IReadOnlyList<Item> Items)
    {
        internal string? BodyAsReturned { get; init; }
    }

    private sealed record Row
    {
        public Guid TaskId { get; init; }
        public DateTimeOffset At { get; init; }
        public string Step { get; init; } = "";
        public string[] ReasonCodes { get; init; } = [];
        public string? Comment { get; init; }
        public string Items { get; init; } = "[]";
        public string? Body { get; init; }
    }

    public static async Task<IReadOnlyList<Entry>> LoadAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select t.id as task_id, t.completed_at as at, t.step, t.reason_codes, t.comment,
                   coalesce(d.return_items, '[]')::text as items, d.order_body::text as body
            from review_tasks t left join review_decisions d on d.task_id = t.id
            where t.order_id = @orderId and t.outcome = 'return' and t.completed_at is not null
            order by t.completed_at, t.id
            """, new { orderId }, cancellationToken: ct));
        return rows.Select((r, i) => new Entry(
            i + 1, r.TaskId, r.At, r.Step, r.ReasonCodes, r.Comment, JsonSerializer.Deserialize<List<Item>>(r.Items, JsonBody.Options)!)
        {
            BodyAsReturned = r.Body,
        }).ToList();
    }
}
