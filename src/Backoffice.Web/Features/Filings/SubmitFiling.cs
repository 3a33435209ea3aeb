using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Validation;
using Dapper;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// POST /api/filings/{id}/submit: a complete order starts its workflow (202), or resumes the step
/// waiting for the applicant (fixes, curtain photo). Otherwise 400 lists what is missing, or 409.
/// </summary>
public static class SubmitFiling
{
    public static Task<IResult> HandleAsync(Guid id, HttpContext context, StepTransaction steps, FilingProcess process) =>
        steps.StepAsync<IResult>(context.Name(), async step =>
        {
            var waiting = await FilingProcess.WaitingForApplicantAsync(step, id);
            var order = await step.LockOrderAsync(id);
            if (order is null)
            {
                return (Problems.NotFound(context), false);
            }

            if (!FilingStatus.Editable.Contains(order.Status) && waiting.Count == 0)
            {
                return (Problems.Conflict(context, "not-submittable", Messages.NotSubmittable(context, order.Status)), false);
            }

            var missing = await MissingAsync(step, order, waiting);
            if (!missing.IsEmpty)
            {
                return (Problems.Validation(context, missing), false);
            }

            var refusal = await process.SubmitAsync(step, order, waiting);
            return refusal is null
                ? (Results.Accepted($"/api/filings/{id}", new FilingAnswers.OrderStatus(id, order.OrderNumber, (await step.LockOrderAsync(id))!.Status)), true)
                : (Problems.Conflict(context, refusal, Messages.NotSubmittable(context, order.Status)), false);
        }, context.RequestAborted);

    private static async Task<ValidationErrors> MissingAsync(StepContext step, FilingOrderRow order, IReadOnlyList<Bookmark> waiting)
    {
        var materials = (await step.Connection.QueryAsync<(string Kind, int? WebsiteIndex)>(new CommandDefinition(
            "select kind, website_index from filing_materials where order_id = @id", new { id = order.Id }, cancellationToken: step.CancellationToken))).AsList();
        var request = JsonSerializer.Deserialize<FilingOrderRequest>(order.Body, JsonBody.Options)!;
        var filed = order.FilingType == FilingType.ChangeSubject ? await FiledSubjectAsync(step, order) : null;
        var missing = SubmissionChecklist.Check(
            request, order.FilingType, materials, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(step.Now, ChinaTime.Zone).DateTime), filed);
        if (waiting.Any(b => b.EventName == "upload-curtain-photo") && materials.All(m => m.Kind != "curtain-photo"))
        {
            missing.Add("materials.curtain-photo", "material-missing", "curtain-photo");
        }

        return missing;
    }

    /// <summary>The subject as the last order approved here filed or changed it; null when none did.</summary>
    private static async Task<SubjectInfo?> FiledSubjectAsync(StepContext step, FilingOrderRow order)
    {
        var json = await step.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            select (body -> 'subject')::text from filing_orders
            where subject_filing_number = @number and status = 'approved' and id <> @id and body ? 'subject'
            order by updated_at desc limit 1
            """, new { number = order.SubjectFilingNumber, id = order.Id }, cancellationToken: step.CancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<SubjectInfo>(json, JsonBody.Options);
    }
}
