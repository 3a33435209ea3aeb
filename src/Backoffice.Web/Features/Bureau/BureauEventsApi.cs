using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// POST /api/bureau/events: SMS-verification and review results recorded by the bureau liaison (or
/// the simulator). A duplicate, late or out-of-order event is answered 202 with applied = false.
/// </summary>
public static class BureauEventsApi
{
    public sealed record Request(Guid? FilingId, string? Kind, IReadOnlyList<string>? ReasonCodes);

    public static IEndpointRouteBuilder MapBureauEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bureau/events", HandleAsync).RequireAuthorization(Policies.Bureau).WithTags("Bureau").Accepts<Request>(Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/bureau/follow-ups", BureauFollowUpsApi.ListAsync).RequireAuthorization(Policies.Bureau).WithTags("Bureau")
            .Produces<BureauFollowUpsApi.FollowUp[]>();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, StepTransaction steps, BureauEvents events, Npgsql.NpgsqlDataSource dataSource, ILogger<BureauEvents> logger)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.FilingId is null) errors.Add("filingId", "required");
        if (body.Kind is null || !BureauEvents.Kinds.ContainsKey(body.Kind)) errors.Add("kind", "invalid-choice", string.Join(", ", BureauEvents.Kinds.Keys));
        if (body.Kind == "rejected" && (body.ReasonCodes is null || body.ReasonCodes.Count == 0)) errors.Add("reasonCodes", "return-needs-reason");
        if (body.ReasonCodes?.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 64) == true) errors.Add("reasonCodes", "required");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        string? orderNumber;
        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            orderNumber = await OrderLog.NumberAsync(connection, body.FilingId!.Value, context.RequestAborted);
        }

        using var scope = OrderLog.Scope(logger, body.FilingId.Value, orderNumber);
        return await steps.StepAsync<IResult>(context.Name(), async step =>
        {
            var result = await events.ApplyAsync(step, body.FilingId!.Value, body.Kind!, body.ReasonCodes);
            return result is null
                ? (Problems.NotFound(context), false)
                : (Results.Accepted($"/api/filings/{body.FilingId}", new { filingId = body.FilingId, body.Kind, applied = result.Applied, reason = result.Reason }), true);
        }, context.RequestAborted);
    }
}
