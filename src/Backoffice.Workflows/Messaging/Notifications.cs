using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Messaging;

/// <summary>
/// A notify activity writes the message to the outbox in the step's transaction and enqueues its
/// delivery there too: it is sent once if the step commits, never if it rolls back.
/// </summary>
public sealed class Notifications
{
    /// <summary>The follow-up whose notices to the applicant are the console's public-security reminders.</summary>
    public const string PublicSecurityFollowUp = "public-security-follow-up";

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
        context.Write(new QueueMessage(id, instance.OrderId, channel, recipient, activity.Id, body, context.Now));
        context.SideEffects.SendNotification(id);
        if (instance.DefinitionId == PublicSecurityFollowUp && channel != "staff" && await context.LockOrderAsync(instance.OrderId) is { } row)
        {
            OrderEvents.Add(context, row, OrderEvents.PublicSecurityReminder, new { reminder = activity.Id, channel, text = body });
        }
    }

    /// <summary>Tells every compliance manager in-app that an instance stopped on a fault.</summary>
    public static void FaultToCompliance(StepContext context, WorkflowInstance instance, string orderNumber, string activityName, string error) =>
        context.Write(new NotifyCompliance(instance.OrderId,
            $"订单{orderNumber}的流程 {instance.DefinitionId} v{instance.Version} 在“{activityName}”处出错并已停止：{error}", context.Now));

    /// <summary>Fills {orderNumber}, {subjectName}, {status}, {subjectFilingNumber}, {websiteFilingNumbers} (joined with 、) in a template.</summary>
    public static string Render(string template, JsonObject order) => template
        .Replace("{orderNumber}", order["orderNumber"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{subjectName}", order["subject"]?["name"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{status}", order["status"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{subjectFilingNumber}", order["subjectFilingNumber"]?.GetValue<string>(), StringComparison.Ordinal)
        .Replace("{websiteFilingNumbers}", string.Join("、", (order["websiteFilingNumbers"] as JsonArray ?? []).Select(n => n?.GetValue<string>())), StringComparison.Ordinal);
}
