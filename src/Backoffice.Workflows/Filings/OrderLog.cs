using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// The log scope of work about one order: every line logged inside it carries OrderNumber (and
/// OrderId), so one order's story can be read from the logs. The scope is begun by the caller itself
/// (a scope begun inside an awaited method ends with it).
/// </summary>
public static class OrderLog
{
    /// <summary>None when the order is unknown (<paramref name="orderNumber"/> null).</summary>
    public static IDisposable? Scope(ILogger logger, Guid orderId, string? orderNumber) => orderNumber is null ? null :
        logger.BeginScope(new OrderScope(orderNumber, orderId));

    public static Task<string?> NumberAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "select order_number from filing_orders where id = @orderId", new { orderId }, cancellationToken: ct));

    /// <summary>Read as properties by structured formatters, and as "OrderNumber:…" by plain ones.</summary>
    private sealed class OrderScope(string orderNumber, Guid orderId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        private readonly KeyValuePair<string, object>[] _pairs = [new("OrderNumber", orderNumber), new("OrderId", orderId)];

        public int Count => _pairs.Length;

        public KeyValuePair<string, object> this[int index] => _pairs[index];

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)_pairs).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"OrderNumber:{orderNumber}";
    }
}
