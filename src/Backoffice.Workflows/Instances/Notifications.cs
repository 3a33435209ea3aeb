using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Dapper;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// A notify activity writes the message to the outbox in the step's transaction and enqueues its
/// delivery there too: it is sent once if the step commits, never if it rolls back.
/// </summary>
public sealed class Notifications
{
    public async Task QueueAsync(StepContext context, WorkflowInstance instance, ActivityDefinition activity)
    {
        var order = await OrderDocument.LoadAsync(context, instance.OrderId);
        var channel = activity.Text("channel")!;
        var principal = order["subject"]?["principal"];
        var recipient = (channel, activity.Text("to")) switch
        {
            ("staff", _) or (_, "team-lead") => "team-lead",
            ("sms", _) => principal?["mobile"]?.GetValue<string>() ?? "",
            _ => principal?["email"]?.GetValue<string>() ?? "",
        };
        var body = Render(activity.Text("template")!, order);
        var id = Guid.CreateVersion7();
        await context.Connection.ExecuteAsync(new CommandDefinition(
            """
            insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
            values (@id, @orderId, @channel, @recipient, @template, @body, @now)
            """,
            new { id, orderId = instance.OrderId, channel, recipient, template = activity.Id, body, now = context.Now },
            cancellationToken: context.CancellationToken));
        context.SideEffects.SendNotification(id);
    }

    /// <summary>Fills {orderNumber}, {subjectName}, {status}, {subjectFilingNumber} in a template.</summary>
    public static string Render(string template, JsonObject order) => template
        .Replace("{orderNumber}", order["orderNumber"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{subjectName}", order["subject"]?["name"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{status}", order["status"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{subjectFilingNumber}", order["subjectFilingNumber"]?.GetValue<string>(), StringComparison.Ordinal);
}
