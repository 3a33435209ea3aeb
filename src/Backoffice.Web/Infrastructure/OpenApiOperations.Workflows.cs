namespace Backoffice.Web.Infrastructure;

/// <summary>Workflow definitions, their four-eyes publishing and the running instances (compliance and admins).</summary>
public static partial class OpenApiOperations
{
    private const string DefinitionErrors =
        "The definition's errors: `errors` keyed by `activities[{activityId}]` (or `definition`) and `definitionErrors: [{activityId, code, message, property}]`";

    private static Dictionary<string, OperationText> Definitions => new()
    {
        ["GET /api/activity-types"] = new(
            "List the activity types",
            "Each activity type a definition may use (the designer's palette), with its properties and outcomes."),
        ["GET /api/workflow-definitions"] = new(
            "List the workflow definitions",
            "One definition per filing type and follow-up process, with its latest and published version and how many orders run on it."),
        ["GET /api/workflow-definitions/{id}/versions/{version}"] = new(
            "Read a definition version",
            "The version's activities, their properties and the outcome-labelled connections between them.")
        {
            Answers = { [404] = "No such definition or version." },
        },
        ["PUT /api/workflow-definitions/{id}/draft"] = new(
            "Save the draft of a definition",
            "Saves the body as the draft (nothing is live until published and approved). Pass `?expectedSavedAt=` (the draft's "
            + "`savedAt` as read) to be told when someone saved in between.")
        {
            Answers =
            {
                [400] = $"`id` `definition-id-mismatch`; a missing part `required`; `expectedSavedAt` `draft-stamp-format`; or {DefinitionErrors}.",
                [409] = "`draft-changed`: someone saved the draft since `expectedSavedAt`.",
            },
        },
        ["DELETE /api/workflow-definitions/{id}/draft"] = new(
            "Discard the draft",
            "Removes the draft; the published version stays as it is. Audited.")
        {
            Answers = { [409] = "`no-draft`: there is no draft." },
        },
        ["POST /api/workflow-definitions/{id}/publish"] = new(
            "Ask for the draft to be published",
            "The draft becomes the candidate (202, `awaiting-approval`); nothing is live until a second compliance manager approves "
            + "it. The saved scenarios are played on the candidate first.")
        {
            Answers =
            {
                [400] = $"`note` `required`, or {DefinitionErrors}.",
                [409] = "`no-draft`; `approval-pending`: another candidate already waits for approval.",
                [422] = "`scenario-failed`: a saved scenario failed on the candidate (`scenario`, `differences`).",
            },
        },
        ["POST /api/workflow-definitions/{id}/versions/{version}/approve"] = new(
            "Approve a candidate version (second person)",
            "A compliance manager or admin other than the author approves the candidate: it is published, and new orders start on "
            + "it; running orders stay on the version they started on.")
        {
            Answers =
            {
                [400] = "`note` `required`.",
                [403] = "`four-eyes`: the author cannot approve his own change.",
                [409] = "`not-awaiting-approval`: the version is not the candidate.",
            },
        },
        ["POST /api/workflow-definitions/{id}/versions/{version}/reject"] = new(
            "Reject a candidate version",
            "Sends the candidate back with a note; the published version stays live.")
        {
            Answers = { [400] = "`note` `required`.", [409] = "`not-awaiting-approval`: the version is not the candidate." },
        },
        ["POST /api/workflow-definitions/{id}/migrations"] = new(
            "Move running orders to another version",
            "Moves running instances of `fromVersion` to `toVersion` with a mapping of steps (`{oldActivityId: newActivityId}`; a step not "
            + "mapped keeps its id). `dryRun: true` answers 200 with what would happen and changes nothing; `dryRun: false` answers 202 "
            + "with the migration's id and runs in batches. Blocked instances name why (`no-counterpart`, `mapped-step-missing`, "
            + "`counterpart-type-differs`, `instance-not-running`, `instance-on-other-version`, `instance-not-of-definition`).")
        {
            Answers =
            {
                [400] = "`fromVersion` / `toVersion` `required`, `version-not-found`, `version-not-runnable`, `migration-same-version`; "
                    + "`mapping.{step}` `mapping-activity-unknown` or `required`; `instanceIds` `required`, `too-many` (10,000) or "
                    + "`duplicate-values`; `dryRun` `required`.",
                [404] = "No such definition.",
            },
        },
        ["GET /api/workflow-definitions/{id}/migrations/{migrationId}"] = new(
            "Follow a migration",
            "Its status (running, finished), how many instances moved or were blocked, and each instance's result.")
        {
            Answers = { [404] = "No such migration." },
        },
        ["GET /api/workflow-instances"] = new(
            "List workflow instances",
            "The engine's instances, newest first, 50 a page, filtered by definition, version, status (running, faulted, finished, "
            + "cancelled) and the activity they wait at.")
        {
            Answers = { [400] = "`status` `invalid-choice`; `page` `page-range`; `version` `value-unparsable`." },
        },
        ["GET /api/workflow-instances/{id}"] = new(
            "Read a workflow instance",
            "The instance with its journal, variables and bookmarks (what it waits for): the technical view behind an order.")
        {
            Answers = { [404] = "No such instance." },
        },
        ["POST /api/workflow-instances/{id}/retry"] = new(
            "Retry a faulted instance",
            "Runs a faulted instance again from the activity it faulted at; it is faulted again if that activity fails once more.")
        {
            Answers = { [404] = "No such instance.", [409] = "`instance-not-faulted`: only a faulted instance is retried." },
        },
        ["POST /api/workflow-instances/{id}/cancel"] = new(
            "Cancel a faulted instance",
            "Ends a faulted instance with a reason (audited): the engine stops working on its order.")
        {
            Answers =
            {
                [400] = "`reason` `required` or `too-long` (500).",
                [404] = "No such instance.",
                [409] = "`instance-not-faulted`: only a faulted instance is cancelled.",
            },
        },
    };
}
