using Dapper;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>Review task rows: opened by a human-task activity (<see cref="OpenTask"/>), cancelled when the instance ends (<see cref="CancelOpenTasks"/>).</summary>
public static class ReviewTaskStore
{
    private const string Columns =
        """
        select t.id, t.instance_id, t.bookmark_id, t.order_id, o.order_number, t.activity_id, t.step, t.team, t.outcomes,
               t.assignee, t.status, t.created_at, t.due_at, t.outcome, t.reason_codes, t.comment, t.completed_by,
               t.completed_at, t.row_version, t.definition_id, t.definition_version, t.authenticity_checks
        """;

    private const string From = " from review_tasks t join filing_orders o on o.id = t.order_id";

    public const string Select = Columns + From;

    /// <summary>The order's tasks, oldest first: the order's details show them, and the benchmark picks the open one from them.</summary>
    public static async Task<IReadOnlyList<ReviewTask>> OfOrderAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct) =>
        (await connection.QueryAsync<ReviewTask>(new CommandDefinition(
            Select + " where t.order_id = @orderId order by t.created_at, t.id", new { orderId }, cancellationToken: ct))).AsList();
}
