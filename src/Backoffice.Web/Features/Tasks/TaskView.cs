using Backoffice.Workflows.ReviewTasks;

namespace Backoffice.Web.Features.Tasks;

/// <summary>
/// A task as GET /api/tasks returns it (docs/API.md fields plus status and outcome), with what must be ticked to
/// approve it: the step's required checklist with the province's authenticity checks (Guangdong's handwritten pledge).
/// </summary>
public sealed record TaskView(
    Guid Id, Guid FilingId, string OrderNumber, string Step, string Team, string? Assignee, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue, string[] Outcomes, string? Outcome, string[] ReasonCodes,
    string[] RequiredChecklist)
{
    public static TaskView Of(ReviewTask t, DateTimeOffset now, string[] requiredChecklist) => new(
        t.Id, t.OrderId, t.OrderNumber, t.Step, t.Team, t.Assignee, t.Status, t.CreatedAt, t.DueAt,
        t.Status == "open" && t.DueAt < now, t.Outcomes, t.Outcome, t.ReasonCodes, requiredChecklist);
}
