using System.Text.RegularExpressions;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// POST /api/filings/{id}/public-security {number}: the applicant reports the 公安备案 number, which
/// ends the public-security follow-up (reminders and overdue handling stop).
/// </summary>
public static partial class ReportPublicSecurity
{
    public sealed record Request(string? Number);

    public static async Task<IResult> HandleAsync(Guid id, HttpContext context, StepTransaction steps, WorkflowEngine engine)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Number?.Trim() is not { } number || !PublicSecurityNumber().IsMatch(number))
        {
            return Problems.Field(context, "number", "public-security-number-format");
        }

        return await steps.StepAsync<IResult>(context.Name(), async step =>
        {
            var waiting = await BookmarkStore.OfOrderAsync(step, id, BookmarkKinds.Event, "public-security-reported");
            var order = await step.LockOrderAsync(id);
            if (order is null)
            {
                return (Problems.NotFound(context), false);
            }

            if (waiting.Count == 0)
            {
                return (Problems.Conflict(context, "no-public-security-follow-up", context.IsEnglish()
                    ? "The order has no public-security follow-up waiting for a number."
                    : "该订单没有等待公安备案号的跟进流程。"), false);
            }

            step.Change(order with { PublicSecurityNumber = number });
            AuditLog.Add(step.Writes, step.Now, step.Actor, "public-security-reported", "filing-order", order.OrderNumber, new { number });
            await engine.ResumeAsync(step, waiting[0], "reported", number);
            return (Results.Ok(new FilingAnswers.PublicSecurityReported(id, number)), true);
        }, context.RequestAborted);
    }

    /// <summary>公安备案号: province code and a serial, e.g. 44030502001234 (14 digits).</summary>
    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex PublicSecurityNumber();
}
