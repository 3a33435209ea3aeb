using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// The console's events (API.md, console integration), written with the step's other writes, so an event exists
/// exactly when its change committed. Each row carries its transaction's id (db/0044), which orders the stream.
/// </summary>
public static class OrderEvents
{
    public const string StatusChanged = "order.status-changed";
    public const string Returned = "order.returned";
    public const string BureauResult = "order.bureau-result";
    public const string FilingNumbersAssigned = "order.filing-numbers-assigned";
    public const string PublicSecurityReminder = "order.public-security-reminder";
    public const string FollowUp = "order.follow-up";

    public static readonly IReadOnlyList<string> Types = [StatusChanged, Returned, BureauResult, FilingNumbersAssigned, PublicSecurityReminder, FollowUp];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the event of <paramref name="order"/>; <paramref name="data"/>'s members join orderId and orderNumber.</summary>
    public static void Add(StepContext context, FilingOrderRow order, string type, object data)
    {
        var payload = new JsonObject { ["orderId"] = order.Id, ["orderNumber"] = order.OrderNumber };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(data, Json)!.AsObject())
        {
            payload[name] = value?.DeepClone();
        }

        context.Write(new AppendOrderEvent(Guid.CreateVersion7(), type, order.Id, context.Now, payload.ToJsonString(Json)));
    }
}
