using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Bureau;

/// <summary>
/// Applies an SMS-verification or review result to the order waiting for it. An event that matches
/// nothing waiting (duplicate, late, out of order) is recorded with applied = false and changes nothing.
/// </summary>
public sealed class BureauEvents(WorkflowEngine engine)
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
        var (eventName, outcome) = Kinds[kind];
        var waiting = await BookmarkStore.OfOrderAsync(step, orderId, BookmarkKinds.Event, eventName);
        var order = await step.LockOrderAsync(orderId);
        if (order is null)
        {
            return null;
        }

        var applied = false;
        if (waiting.Count > 0)
        {
            if (reasonCodes is { Count: > 0 })
            {
                var (instance, _) = await InstanceStore.LoadAsync(step, waiting[0].InstanceId);
                instance!.Variables["bureauReasonCodes"] = new JsonArray([.. reasonCodes.Select(r => (JsonNode)r)]);
            }

            applied = await engine.ResumeAsync(step, waiting[0], outcome, reasonCodes is { Count: > 0 } ? string.Join(",", reasonCodes) : null);
        }

        if (applied)
        {
            OrderEvents.Add(step, order, OrderEvents.BureauResult, new { kind, reasonCodes = reasonCodes ?? [] });
            if (eventName == "bureau-result")
            {
                step.Write(new CloseBureauFollowUp(orderId, order.OrderNumber, kind, step.Actor, step.Now));
            }
        }

        var reason = applied ? null : $"nothing waits for {eventName} (order is {order.Status})";
        step.Write(new RecordBureauEvent(orderId, kind, JsonSerializer.Serialize(new { kind, reasonCodes }), step.Now, step.Actor, applied, reason));
        step.Write(new AppendAudit(step.Now, step.Actor, "bureau-event", "filing-order", order.OrderNumber, new { kind, applied, reasonCodes }));
        return new Result(applied, reason);
    }
}
