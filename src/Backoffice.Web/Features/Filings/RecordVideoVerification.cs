using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// POST /api/filings/{id}/video-verification {result: passed|failed, reference}: the console reports the
/// applicant's electronic (video) verification (电子核验), which an order with verificationMethod
/// electronic waits for instead of a curtain photo. Passed goes on to second review; failed returns the order.
/// </summary>
public static class RecordVideoVerification
{
    public const string Event = "video-verified";

    public static readonly IReadOnlyList<string> Answers = ["passed", "failed"];

    public sealed record Request(string? Result, string? Reference);

    public static async Task<IResult> HandleAsync(Guid id, HttpContext context, StepTransaction steps, WorkflowEngine engine)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Result is null || !Answers.Contains(body.Result))
        {
            errors.Add("result", body.Result is null ? "required" : "invalid-choice", string.Join(", ", Answers));
        }

        var reference = body.Reference?.Trim();
        if (reference is { Length: > 64 })
        {
            errors.Add("reference", "too-long", 64);
        }
        else if (reference is not null && reference.Any(char.IsControl))
        {
            errors.Add("reference", "control-characters");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        return await steps.StepAsync<IResult>(context.Name(), async step =>
        {
            var waiting = await BookmarkStore.OfOrderAsync(step, id, BookmarkKinds.Event, Event);
            var order = await step.LockOrderAsync(id);
            if (order is null)
            {
                return (Problems.NotFound(context), false);
            }

            if (waiting.Count == 0)
            {
                return (Problems.Conflict(context, "no-video-verification-waiting", context.IsEnglish()
                    ? "The order is not waiting for an electronic (video) verification."
                    : "该订单没有在等待电子核验结果。"), false);
            }

            AuditLog.Add(step.Writes, step.Now, step.Actor, "video-verification-recorded", "filing-order", order.OrderNumber, new { body.Result, reference });
            await engine.ResumeAsync(step, waiting[0], body.Result == "passed" ? "verified" : "failed", reference);
            return (Results.Ok(new { id, result = body.Result }), true);
        }, context.RequestAborted);
    }
}
