using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Instances;
using Dapper;

namespace Backoffice.Workflows.Bureau;

/// <summary>
/// Applies an SMS-verification or review result to the order waiting for it. An event that matches
/// nothing waiting (duplicate, late, out of order) is recorded with applied = false and changes nothing.
/// </summary>
public sealed class BureauEvents(WorkflowRunner runner)
{
    public static readonly IReadOnlyDictionary<string, (string Event, string Outcome)> Kinds = new Dictionary<string, (string, string)>
    {
        ["sms-verified"] = ("sms-verified", "verified"),
        ["sms-expired"] = ("sms-verified", "expired"),
        ["approved"] = ("bureau-result", "approved"),
        ["rejected"] = ("bureau-result", "rejected"),
    };

    public sealed record Result(bool Applied, string? Reason);

    /// <summary>Null when the order does not exist.</summary>
    public async Task<Result?> ApplyAsync(StepContext step, Guid orderId, string kind, IReadOnlyList<string>? reasonCodes)
    {
        var order = await step.LockOrderAsync(orderId);
        if (order is null)
        {
            return null;
        }

        var (eventName, outcome) = Kinds[kind];
        var waiting = await BookmarkStore.OfOrderAsync(step.Connection, orderId, BookmarkKinds.Event, eventName, step.CancellationToken);
        var applied = false;
        if (waiting.Count > 0)
        {
            if (reasonCodes is { Count: > 0 })
            {
                await step.Connection.ExecuteAsync(new CommandDefinition(
                    "update workflow_instances set variables = variables || @vars::jsonb where id = @instanceId",
                    new { instanceId = waiting[0].InstanceId, vars = new JsonObject { ["bureauReasonCodes"] = new JsonArray([.. reasonCodes.Select(r => (JsonNode)r)]) }.ToJsonString() },
                    cancellationToken: step.CancellationToken));
            }

            applied = await runner.ResumeAsync(step, waiting[0], outcome, reasonCodes is { Count: > 0 } ? string.Join(",", reasonCodes) : null);
        }

        var reason = applied ? null : $"nothing waits for {eventName} (order is {order.Status})";
        await step.Connection.ExecuteAsync(new CommandDefinition(
            """
            insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
            values (@id, @orderId, @kind, @payload::jsonb, @now, @actor, @applied, @reason)
            """,
            new { id = Guid.CreateVersion7(), orderId, kind, payload = JsonSerializer.Serialize(new { kind, reasonCodes }), now = step.Now, actor = step.Actor, applied, reason },
            cancellationToken: step.CancellationToken));
        await AuditLog.WriteAsync(step.Connection, null, step.Now, step.Actor, "bureau-event", "filing-order", order.OrderNumber,
            new { kind, applied, reasonCodes }, step.CancellationToken);
        return new Result(applied, reason);
    }
}
