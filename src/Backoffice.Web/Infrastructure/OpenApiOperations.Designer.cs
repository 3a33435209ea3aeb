namespace Backoffice.Web.Infrastructure;

/// <summary>The workflow designer's calls (compliance): checking, comparing, previewing and trying a definition before it is live.</summary>
public static partial class OpenApiOperations
{
    private const string VersionErrors = "`from` / `to` `required` or `version-not-found`.";

    private static Dictionary<string, OperationText> Designer => new()
    {
        ["POST /api/workflow-definitions/{id}/validate"] = new(
            "Check a definition without saving it",
            "Answers `{valid, errors:[{activityId, code, message, property}]}`: every error of the definition, nothing saved.")
        {
            Answers = { [400] = "A missing part of the body (`required`), or `malformed-json`.", [404] = "No such definition." },
        },
        ["GET /api/workflow-definitions/{id}/versions"] = new(
            "List a definition's versions",
            "Every version with its state (draft, awaiting-approval, published, rejected, retired), who saved, asked for, decided "
            + "and published it and when, and how many orders run on it.")
        {
            Answers = { [404] = "No such definition." },
        },
        ["GET /api/workflow-definitions/{id}/versions/{version}/waiting"] = new(
            "Count the orders waiting at each step",
            "`{runningInstances, waiting: {activityId: count}}` for one version: where its running orders wait now.")
        {
            Answers = { [404] = "No such definition or version." },
        },
        ["GET /api/workflow-definitions/{id}/diff"] = new(
            "Compare two versions",
            "The activities and connections added, removed and changed between `from` and `to`, each change described in business "
            + "language (`?lang=en` for English).")
        {
            Answers = { [400] = VersionErrors },
        },
        ["GET /api/workflow-definitions/{id}/impact"] = new(
            "Preview a change's effect on running orders",
            "Each changed, added or removed step between `from` and `to` with the number of running orders waiting there now.")
        {
            Answers = { [400] = VersionErrors, [404] = "No such definition." },
        },
        ["GET /api/workflow-definitions/{id}/scenarios"] = new(
            "List the saved scenarios",
            "The scenarios that guard publishing: each is played on a candidate, and the first that fails refuses it.")
        {
            Answers = { [404] = "No such definition." },
        },
        ["GET /api/workflow-definitions/{id}/scenarios/{name}"] = new(
            "Read a saved scenario",
            "Its sample order, the outcome of each step visit and what is expected (steps passed, end status, working days).")
        {
            Answers = { [404] = "No such definition or scenario." },
        },
        ["PUT /api/workflow-definitions/{id}/scenarios/{name}"] = new(
            "Save a scenario",
            "`{order, outcomes: {activityId: [outcome per visit]}, expect: {passes, endStatus, maxWorkingDays}}`.")
        {
            Answers =
            {
                [400] = "`name` `too-long` (100); `order` or `expect` `required`; `expect.endStatus` `invalid-choice`; "
                    + "`expect.maxWorkingDays` `working-days-range`.",
                [404] = "No such definition.",
            },
        },
        ["DELETE /api/workflow-definitions/{id}/scenarios/{name}"] = new(
            "Delete a scenario",
            "The scenario no longer guards publishing.")
        {
            Answers = { [404] = "No such definition or scenario." },
        },
        ["POST /api/workflow-definitions/{id}/dry-run"] = new(
            "Try a definition on a sample order",
            "Plays a version (or an unsaved definition) on an existing order or a sample one, with the outcome of each step visit, "
            + "on the working-day calendar; answers each step with its time, outcome and due time. Nothing is stored.")
        {
            Answers =
            {
                [400] = "`definition` `malformed-json` or a missing part `required`; `version` `version-not-found`; `orderId` "
                    + "`order-not-found`; `order` `sample-order-required`; `outcomes.{activityId}` `dry-run-activity-unknown` or "
                    + "`dry-run-outcome-unknown`; `startAt` `dry-run-start-range`; `answerAfterWorkingHours` `answer-hours-range`.",
            },
        },
        ["GET /api/workflow-definitions/{id}/versions/{version}/export"] = new(
            "Export a version as a file",
            "The version's JSON as an attachment, to import elsewhere.")
        {
            Answers = { [404] = "No such definition or version." },
        },
        ["POST /api/workflow-definitions/{id}/import"] = new(
            "Import a definition as the draft",
            "Saves an exported definition as the draft of `{id}` and answers its errors, as saving a draft does.")
        {
            Answers = { [400] = "A missing part `required`, `malformed-json`, or the definition's errors." },
        },
        ["GET /api/designer/reference"] = new(
            "Read the designer's reference lists",
            "Teams, statuses, return reasons, processes, order fields and the labels of outcomes and choices, in the request's language."),
        ["POST /api/designer/template-preview"] = new(
            "Preview a message template",
            "Renders a reminder or notification template with an order's data (or a sample order).")
        {
            Answers = { [400] = "`template` `required`; `orderId` `order-not-found`." },
        },
    };
}
