using System.Globalization;
using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// GET /api/events?after={cursor}&amp;limit={1..1000}: the console's events (<see cref="OrderEvents"/>) in commit
/// order, without gaps or repeats. Only events of transactions older than every transaction still running are
/// served (db/0044), ordered by (transaction id, sequence): a page never misses an event that commits later.
/// </summary>
public static class EventsApi
{
    public sealed record Event(Guid Id, string Type, DateTimeOffset OccurredAt, JsonElement Data);

    public sealed record EventPage(IReadOnlyList<Event> Items, string Next);

    private sealed record Row
    {
        public string Tx { get; init; } = "";
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Type { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Data { get; init; } = "";
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", ListAsync).RequireAuthorization(Policies.Console).WithTags("Console integration").Produces<EventPage>().ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource dataSource, string? after, int? limit)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > 1000) errors.Add("limit", "events-limit-range");
        if (!Cursor.TryParse(after, out var cursor)) errors.Add("after", "cursor-format");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select tx::text as Tx, seq as Seq, id as Id, type as Type, occurred_at as OccurredAt, data::text as Data
            from order_events
            where (tx, seq) > (@tx::xid8, @seq) and tx < pg_snapshot_xmin(pg_current_snapshot())
            order by tx, seq
            limit @limit
            """, new { tx = cursor.Tx, seq = cursor.Seq, limit = limit ?? 100 }, cancellationToken: context.RequestAborted))).ToList();
        var next = rows.Count == 0 ? cursor : new Cursor(rows[^1].Tx, rows[^1].Seq);
        return Results.Ok(new EventPage(
            [.. rows.Select(r => new Event(r.Id, r.Type, r.OccurredAt, JsonDocument.Parse(r.Data).RootElement.Clone()))], next.ToString()));
    }

    /// <summary>Where a reader stands: the transaction id and sequence of the last event it has, as "tx.seq".</summary>
    private sealed record Cursor(string Tx, long Seq)
    {
        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = new Cursor("0", 0);
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            var parts = text.Split('.');
            if (parts.Length != 2 || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tx)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return false;
            }

            cursor = new Cursor(tx.ToString(CultureInfo.InvariantCulture), seq);
            return true;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tx}.{Seq}");
    }
}
