using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Operations;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// Incidents (docs/API.md, "Safe change and operations"): a faulted instance is retried from the activity
/// it faulted at, or cancelled with a reason. Anything but a faulted instance is 409 <c>instance-not-faulted</c>.
/// </summary>
public static class IncidentsApi
{
    public sealed record CancelRequest(string? Reason);

    /// <summary>The instance after the action: running (or finished) again, faulted once more, or cancelled.</summary>
    public sealed record IncidentAnswer(Guid Id, string Status);

    private const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/retry", RetryAsync).Produces<IncidentAnswer>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/cancel", CancelAsync).Accepts<CancelRequest>(OpenApiDocument.Json).Produces<IncidentAnswer>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> RetryAsync(Guid id, HttpContext context, Incidents incidents) =>
        Answer(context, id, await incidents.RetryAsync(id, context.Name(), context.RequestAborted));

    private static async Task<IResult> CancelAsync(Guid id, HttpContext context, Incidents incidents)
    {
        var (body, problem) = await JsonBody.ReadAsync<CancelRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var reason = body!.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Problems.Field(context, "reason", "required");
        }

        if (reason.Length > MaxReasonLength)
        {
            return Problems.Field(context, "reason", "too-long", MaxReasonLength);
        }

        return Answer(context, id, await incidents.CancelAsync(id, reason, context.Name(), context.RequestAborted));
    }

    private static IResult Answer(HttpContext context, Guid id, Incidents.Outcome outcome) => outcome.Answer switch
    {
        Incidents.Answer.NotFound => Problems.NotFound(context),
        Incidents.Answer.NotFaulted => Problems.Conflict(context, "instance-not-faulted",
            context.T("只有出错的实例可以重试或取消。", "Only a faulted instance is retried or cancelled."), new { status = outcome.Status }),
        _ => Results.Ok(new IncidentAnswer(id, outcome.Status!)),
    };
}
