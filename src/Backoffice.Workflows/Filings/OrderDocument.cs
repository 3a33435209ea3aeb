using System.Text.Json.Nodes;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Filings;

/// <summary>The order as decision expressions see it: its body plus type, status, province and numbers.</summary>
public static class OrderDocument
{
    public static async Task<JsonObject> LoadAsync(StepContext context, Guid orderId)
    {
        var order = await context.LockOrderAsync(orderId)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        return From(order);
    }

    public static JsonObject From(FilingOrderRow order)
    {
        var document = JsonNode.Parse(order.Body) as JsonObject ?? [];
        document["orderNumber"] = order.OrderNumber;
        document["filingType"] = order.FilingType;
        document["status"] = order.Status;
        document["province"] = order.Province;
        document["subjectFilingNumber"] = order.SubjectFilingNumber;
        document["websiteFilingNumbers"] = new JsonArray([.. order.WebsiteFilingNumbers.Select(n => (JsonNode?)n)]);
        return document;
    }
}
