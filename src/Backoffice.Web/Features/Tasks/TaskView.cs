using Backoffice.Workflows.HumanTasks;

namespace Backoffice.Web.Features.Tasks;

/// <summary>A task as GET /api/tasks returns it (docs/API.md fields plus status and outcome).</summary>
public sealed record TaskView(
    Guid Id, Guid FilingId, string OrderNumber, string Step, string Team, string? Assignee, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue, string[] Outcomes, string? Outcome, string[] ReasonCodes)
{
    public static TaskView Of(ReviewTask t, DateTimeOffset now) => new(
        t.Id, t.OrderId, t.OrderNumber, t.Step, t.Team, t.Assignee, t.Status, t.CreatedAt, t.DueAt,
        t.Status == "open" && t.DueAt < now, t.Outcomes, t.Outcome, t.ReasonCodes);
}
