namespace Backoffice.Web.Infrastructure;

/// <summary>The reviewers' tasks and inbox views (staff tools).</summary>
public static partial class OpenApiOperations
{
    private const string TaskConflicts =
        "`task-held`: someone else holds the task (`context.holder`); `task-closed`: the task is already done or cancelled.";

    private static Dictionary<string, OperationText> Tasks => new()
    {
        ["GET /api/tasks"] = new(
            "List review tasks",
            "The caller's review tasks: `scope` mine (held by the caller), team (the queues of the caller's teams, the default) or all "
            + "(admins); `status` open (default) or done; `overdue=true` only those past their due time; `filingId` one order's tasks. "
            + "Each task carries the outcomes its step offers and the `requiredChecklist` approving it must tick.")
        {
            Answers = { [400] = "`scope` / `status` `invalid-choice`; `overdue` or `filingId` `value-unparsable`." },
        },
        ["POST /api/tasks/{id}/claim"] = new(
            "Claim a task",
            "Takes an unclaimed task of one of the caller's teams; the caller then holds it until completing or releasing it.")
        {
            Answers = { [404] = "No such task.", [409] = TaskConflicts },
        },
        ["POST /api/tasks/{id}/release"] = new(
            "Release a task",
            "Gives a held task back to its team's queue.")
        {
            Answers = { [404] = "No such task.", [409] = TaskConflicts },
        },
        ["POST /api/tasks/{id}/complete"] = new(
            "Approve or return an order (complete a task)",
            "The holder decides: `outcome` (one the step offers; every review step offers `approve` and `return`), `reasonCodes` from "
            + "`GET /api/reason-codes` (a return needs at least one), a `comment` the applicant sees, the ticked `checklist` items and, on "
            + "a return, `items: [{path, reason}]` naming the fields and materials to fix (`subject.mailingAddress`, "
            + "`websites[0].domains`, `materials.business-license`). The order moves on at once.")
        {
            Answers =
            {
                [400] = "`outcome` `invalid-choice`; `reasonCodes` `return-needs-reason`, `reasonCodes[i]` `unknown-reason-code` or "
                    + "`reason-not-offered`; `comment` `too-long` (1000); `checklist[i]` `not-on-checklist`, `checklist` `checklist-incomplete` "
                    + "(a required item not ticked on approval); `items` `items-only-on-return` or `too-many`; `items[i].path` `item-path-unknown`; "
                    + "`items[i].reason` `required` or `too-long`.",
                [404] = "No such task.",
                [409] = "`task-held`: the caller does not hold the task; `task-closed`: it is already done.",
            },
        },
        ["POST /api/tasks/{id}/reassign"] = new(
            "Reassign a task (team lead)",
            "A lead of the task's team (or an admin) gives the task to `assignee`, a member of that team.")
        {
            Answers =
            {
                [400] = "`assignee` `required` or `assignee-not-in-team`.",
                [404] = "No such task.",
                [409] = "`task-closed`: the task is already done.",
            },
        },
        ["POST /api/tasks/bulk"] = new(
            "Claim, release or reassign many tasks",
            "Up to 100 ticked tasks, each changed and audited by itself in the order given. The answer lists each task: "
            + "`succeeded`, or `code` (`task-not-found`, `forbidden`, `task-closed`, `task-held`, `assignee-not-in-team`) with a message "
            + "in the caller's language.")
        {
            Answers =
            {
                [400] = "Nothing changed: `action` `required`, `invalid-choice` or `bulk-reassign-needs-lead`; `ids` `required`, "
                    + "`too-many` (over 100) or `duplicate-values`; `assignee` `required` or `too-long` for a reassign.",
            },
        },
        ["GET /api/inbox-views"] = new(
            "List saved inbox views",
            "The views the caller may apply: his own, then those shared with his teams, each with its tab, filters, sort and columns."),
        ["GET /api/inbox-views/{id}"] = new(
            "Read a saved inbox view",
            "One view the caller may apply.")
        {
            Answers = { [404] = "No such view, or one shared with a team the caller is not in." },
        },
        ["POST /api/inbox-views"] = new(
            "Save an inbox view",
            "Keeps a tab, its filters, sort and columns under a name, for the caller or (a team lead) shared with a team he leads. "
            + "At most 50 views a person.")
        {
            Answers =
            {
                [400] = "`name` `required`, `too-long` (60), `control-characters` or `too-many`; `team` `view-share-needs-lead`; "
                    + "`tab`, `sort`, `columns`, `filters.filingType`, `filters.province`, `filters.due` `invalid-choice`; "
                    + "`columns` `duplicate-values`; `filters.orderNumber`, `filters.step` `too-long`.",
            },
        },
        ["DELETE /api/inbox-views/{id}"] = new(
            "Delete a saved inbox view",
            "By its owner, or for a shared view by a lead of its team.")
        {
            Answers =
            {
                [403] = "A member of the team may apply the view but not delete it.",
                [404] = "No such view, or one the caller cannot see.",
            },
        },
    };
}
