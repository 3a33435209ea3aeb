using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;

namespace Backoffice.Web.Features.Filings;

/// <summary>POST /api/filings/{id}/withdraw: the applicant abandons the order (放弃) until the bureau has it.</summary>
public static class WithdrawFiling
{
    public static Task<IResult> HandleAsync(Guid id, HttpContext context, StepTransaction steps, FilingProcess process) =>
        steps.StepAsync<IResult>(context.Name(), async step =>
        {
            var order = await step.LockOrderAsync(id);
            if (order is null)
            {
                return (Problems.NotFound(context), false);
            }

            if (FilingStatus.AtBureauOrLater.Contains(order.Status))
            {
                return (Problems.Conflict(context, "at-bureau", Messages.AtBureau(context), new { order.Status }), false);
            }

            if (FilingStatus.Terminal.Contains(order.Status))
            {
                return (Problems.Conflict(context, "already-finished", Messages.Finished(context, order.Status), new { order.Status }), false);
            }

            await process.WithdrawAsync(step, order);
            return (Results.Ok(new FilingAnswers.OrderStatus(id, order.OrderNumber, FilingStatus.Withdrawn)), true);
        }, context.RequestAborted);
}
