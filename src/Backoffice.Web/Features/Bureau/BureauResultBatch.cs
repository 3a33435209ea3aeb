using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Steps;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// SMS-verification and bureau results recorded by the bureau liaison, by hand (one row) or from a
/// results spreadsheet (many rows). Every row is checked first; if any is wrong nothing is applied
/// and each wrong row is reported; otherwise all rows are applied in one transaction.
/// </summary>
public sealed class BureauResultBatch(NpgsqlDataSource dataSource, StepTransaction steps, BureauEvents events)
{
    public const int MaxRows = 5000;

    /// <summary>Kinds as codes or as their Chinese labels in the catalogue (the words of the bureau's own result files).</summary>
    public static readonly IReadOnlyDictionary<string, string> KindWords = LabelCatalogue.Entries(LabelSet.BureauEvent)
        .SelectMany(e => new[] { (Word: e.Key, Code: e.Key), (Word: e.Value.Zh, Code: e.Key) })
        .ToDictionary(w => w.Word, w => w.Code);

    public sealed record Row(int Number, string? OrderNumber, string? Kind, IReadOnlyList<string> ReasonCodes);

    public sealed record RowError(int Row, string Field, string Zh, string En);

    public sealed record RowResult(int Row, string OrderNumber, string Kind, bool Applied, string? Note);

    public sealed record Outcome(IReadOnlyList<RowError> Errors, IReadOnlyList<RowResult> Results);

    public async Task<Outcome> RecordAsync(IReadOnlyList<Row> rows, string actor, string source, CancellationToken ct)
    {
        if (rows.Count is 0 or > MaxRows)
        {
            return new Outcome([new RowError(0, "file", $"文件须包含 1 到 {MaxRows} 行结果", $"The file must hold 1 to {MaxRows} result rows")], []);
        }

        var (errors, orders) = await CheckAsync(rows, ct);
        if (errors.Count > 0)
        {
            return new Outcome(errors, []);
        }

        var results = await steps.StepAsync(actor, async step =>
        {
            var applied = new List<RowResult>();
            foreach (var row in rows)
            {
                var kind = KindWords[row.Kind!];
                var result = (await events.ApplyAsync(step, orders[row.OrderNumber!], kind, row.ReasonCodes))!;
                applied.Add(new RowResult(row.Number, row.OrderNumber!, kind, result.Applied, result.Reason));
            }

            await AuditLog.WriteAsync(step.Connection, null, step.Now, actor, "bureau-results-recorded", "bureau-batch", source,
                new { rows = rows.Count, applied = applied.Count(r => r.Applied) }, step.CancellationToken);
            return ((IReadOnlyList<RowResult>)applied, true);
        }, ct);
        return new Outcome([], results);
    }

    private async Task<(List<RowError> Errors, Dictionary<string, Guid> Orders)> CheckAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var numbers = rows.Where(r => !string.IsNullOrEmpty(r.OrderNumber)).Select(r => r.OrderNumber!).Distinct().ToArray();
        var orders = (await connection.QueryAsync<(Guid Id, string OrderNumber)>(new CommandDefinition(
            "select id, order_number from filing_orders where order_number = any(@numbers)", new { numbers }, cancellationToken: ct)))
            .ToDictionary(o => o.OrderNumber, o => o.Id);
        var known = (await connection.QueryAsync<string>(new CommandDefinition(
            "select code from reason_codes where active", cancellationToken: ct))).ToHashSet();
        var errors = new List<RowError>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in rows)
        {
            if (string.IsNullOrEmpty(row.OrderNumber))
            {
                errors.Add(new RowError(row.Number, "orderNumber", "订单号不能为空", "The order number is required"));
            }
            else if (!orders.ContainsKey(row.OrderNumber))
            {
                errors.Add(new RowError(row.Number, "orderNumber", $"未找到订单 {row.OrderNumber}", $"No order {row.OrderNumber}"));
            }

            if (row.Kind is null || !KindWords.TryGetValue(row.Kind, out var kind))
            {
                errors.Add(new RowError(row.Number, "kind", "结果须为：短信核验通过、短信核验超时、管局审核通过、管局退回",
                    "The result must be one of sms-verified, sms-expired, approved, rejected"));
                continue;
            }

            if (kind == "rejected" && row.ReasonCodes.Count == 0)
            {
                errors.Add(new RowError(row.Number, "reasonCodes", "管局退回须填写至少一个原因代码", "A rejection needs at least one reason code"));
            }

            foreach (var code in row.ReasonCodes.Where(c => !known.Contains(c)))
            {
                errors.Add(new RowError(row.Number, "reasonCodes", $"未知的原因代码 {code}", $"Unknown reason code {code}"));
            }

            if (row.OrderNumber is not null && !seen.Add((row.OrderNumber, kind)))
            {
                errors.Add(new RowError(row.Number, "orderNumber", "同一订单的同一结果在文件中重复", "The same result for this order repeats in the file"));
            }
        }

        return (errors, orders);
    }
}
