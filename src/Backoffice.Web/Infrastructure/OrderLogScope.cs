using System.Text.RegularExpressions;
using Backoffice.Workflows.Filings;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Requests about one order (/api/filings/{id}/…, /api/tasks/{id}/…) run in that order's log scope,
/// so every line logged while serving them, unhandled errors included, names the order number.
/// </summary>
public sealed partial class OrderLogScope(RequestDelegate next, NpgsqlDataSource dataSource, ILogger<OrderLogScope> logger)
{
    [GeneratedRegex("^/api/(filings|tasks)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/|$)")]
    private static partial Regex OrderPath();

    public async Task InvokeAsync(HttpContext context)
    {
        var match = OrderPath().Match(context.Request.Path.Value ?? "");
        var order = match.Success ? await FindAsync(match.Groups[1].Value, Guid.Parse(match.Groups[2].Value), context.RequestAborted) : null;
        using var scope = order is null ? null : OrderLog.Scope(logger, order.Value.Id, order.Value.Number);
        await next(context);
    }

    /// <summary>The order, or none when it does not exist or the database cannot say (the request itself will then report).</summary>
    private async Task<(Guid Id, string Number)?> FindAsync(string resource, Guid id, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var sql = resource == "filings"
                ? "select id, order_number from filing_orders where id = @id"
                : "select o.id, o.order_number from review_tasks t join filing_orders o on o.id = t.order_id where t.id = @id";
            return await connection.QuerySingleOrDefaultAsync<(Guid, string)?>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }
}
