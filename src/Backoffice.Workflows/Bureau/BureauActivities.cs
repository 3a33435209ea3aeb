using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Bureau;

/// <summary>
/// What the submit-to-bureau and apply-bureau-result activities do within a step: record a submission
/// (the adapter call runs as a job after commit) and apply an approval to the registry: filing numbers in
/// the bureau's format, accesses here. Results arriving from the bureau are <see cref="BureauEvents"/>.
/// </summary>
public sealed class BureauActivities(RegistryStore registry)
{
    /// <summary>Records the order's next submission, its attempt numbered from the locked order's count, with the step's writes.</summary>
    public async Task SubmitAsync(StepContext context, Guid orderId, string step)
    {
        var order = await context.LockOrderAsync(orderId) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var attempt = order.BureauAttempts + 1;
        context.Change(order with { BureauAttempts = attempt });
        context.Write(new RecordSubmission(orderId, attempt, context.Now));
        await OrderStatus.SetAsync(context, orderId, FilingStatus.AtBureau, step);
        context.SideEffects.SubmitToBureau(orderId, attempt);
    }

    /// <summary>Writes the approved order into the registry; returns the journal note naming the numbers.</summary>
    public async Task<string> ApplyApprovalAsync(StepContext context, WorkflowInstance instance)
    {
        var order = (await context.LockOrderAsync(instance.OrderId))!;
        var body = JsonNode.Parse(order.Body)!.AsObject();
        var writer = new RegistryWriter(context, registry.ProviderCode);
        var numbers = order.FilingType switch
        {
            FilingType.CancelAccess => await writer.CancelAccessAsync(order.WebsiteFilingNumber!),
            FilingType.DeregisterWebsite => await writer.DeregisterWebsiteAsync(order.WebsiteFilingNumber!),
            FilingType.DeregisterSubject => await writer.DeregisterSubjectAsync(order.SubjectFilingNumber!),
            FilingType.ChangeSubject => await writer.ChangeSubjectAsync(order.SubjectFilingNumber!, order.SubjectName),
            FilingType.ChangeWebsite => await writer.ChangeWebsiteAsync(order.WebsiteFilingNumber!, body),
            _ => await writer.FileAsync(order, body),
        };
        context.Change(order with { SubjectFilingNumber = numbers.Subject, WebsiteFilingNumbers = [.. numbers.Websites] });
        OrderEvents.Add(context, order, OrderEvents.FilingNumbersAssigned,
            new { subjectFilingNumber = numbers.Subject, websiteFilingNumbers = numbers.Websites });
        instance.Variables["subjectFilingNumber"] = numbers.Subject;
        instance.Variables["websiteFilingNumbers"] = new JsonArray([.. numbers.Websites.Select(n => (JsonNode)n)]);
        return numbers.Note;
    }
}
