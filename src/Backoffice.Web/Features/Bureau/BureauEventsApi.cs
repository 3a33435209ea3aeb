using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// POST /api/bureau/events: SMS-verification and review results recorded by the bureau liaison (or
/// the simulator). An event that matches nothing waiting (duplicate, late, out of order) is kept
/// in the record, answered 202 with applied = false, and changes nothing.
/// </summary>
public static class BureauEventsApi
{
    public sealed record Request(Guid? FilingId, string? Kind, IReadOnlyList<string>? ReasonCodes, IReadOnlyList<string>? WebsiteFilingNumbers);

    private static readonly Dictionary<string, (string Event, string Outcome)> Kinds = new()
    {
        ["sms-verified"] = ("sms-verified", "verified"),
        ["sms-expired"] = ("sms-verified", "expired"),
        ["approved"] = ("bureau-result", "approved"),
        ["rejected"] = ("bureau-result", "rejected"),
    };

    public static IEndpointRouteBuilder MapBureauEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bureau/events", HandleAsync).RequireAuthorization(Policies.Bureau).WithTags("Bureau")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, WorkflowEngine engine, WorkflowRunner runner)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.FilingId is null) errors.Add("filingId", "required");
        if (body.Kind is null || !Kinds.ContainsKey(body.Kind)) errors.Add("kind", "invalid-choice", string.Join(", ", Kinds.Keys));
        if (body.Kind == "rejected" && (body.ReasonCodes is null || body.ReasonCodes.Count == 0)) errors.Add("reasonCodes", "return-needs-reason");
        if (body.ReasonCodes?.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 64) == true) errors.Add("reasonCodes", "required");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var actor = context.Name();
        return await engine.StepAsync<IResult>(actor, async step =>
        {
            var order = await step.LockOrderAsync(body.FilingId!.Value);
            if (order is null)
            {
                return (Problems.NotFound(context), false);
            }

            var (eventName, outcome) = Kinds[body.Kind!];
            var waiting = await BookmarkStore.OfOrderAsync(step.Connection, order.Id, BookmarkKinds.Event, eventName, step.CancellationToken);
            var applied = false;
            if (waiting.Count > 0)
            {
                await RememberAsync(step, waiting[0].InstanceId, body);
                var note = body.ReasonCodes is { Count: > 0 } reasons ? string.Join(",", reasons) : null;
                applied = await runner.ResumeAsync(step, waiting[0], outcome, note);
            }

            var reason = applied ? null : $"nothing waits for {eventName} (order is {order.Status})";
            await step.Connection.ExecuteAsync(new CommandDefinition(
                """
                insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
                values (@id, @orderId, @kind, @payload::jsonb, @now, @actor, @applied, @reason)
                """,
                new { id = Guid.CreateVersion7(), orderId = order.Id, kind = body.Kind, payload = JsonSerializer.Serialize(body, JsonBody.Options), now = step.Now, actor, applied, reason },
                cancellationToken: step.CancellationToken));
            await AuditLog.WriteAsync(step.Connection, null, step.Now, actor, "bureau-event", "filing-order", order.OrderNumber,
                new { body.Kind, applied, body.ReasonCodes }, step.CancellationToken);
            return (Results.Accepted($"/api/filings/{order.Id}", new { filingId = order.Id, body.Kind, applied, reason }), true);
        }, context.RequestAborted);
    }

    private static async Task RememberAsync(StepContext step, Guid instanceId, Request body)
    {
        if (body.ReasonCodes is { Count: > 0 } || body.WebsiteFilingNumbers is { Count: > 0 })
        {
            await step.Connection.ExecuteAsync(new CommandDefinition(
                "update workflow_instances set variables = variables || @vars::jsonb where id = @instanceId",
                new
                {
                    instanceId,
                    vars = new JsonObject
                    {
                        ["bureauReasonCodes"] = new JsonArray([.. (body.ReasonCodes ?? []).Select(r => (JsonNode)r)]),
                    }.ToJsonString(),
                }, cancellationToken: step.CancellationToken));
        }
    }
}
