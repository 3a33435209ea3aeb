namespace Backoffice.Web.Infrastructure;

/// <summary>Sign-in tokens, the bureau side, the province rules and the test-mode helpers.</summary>
public static partial class OpenApiOperations
{
    private static Dictionary<string, OperationText> Others => new()
    {
        ["POST /api/tokens"] = new(
            "Sign in for a staff token",
            "`{username, password}` → `{token, expiresAt, roles}`: send the token as `Authorization: Bearer` on the staff calls. "
            + "The console does not call this: it uses its API key.")
        {
            Answers =
            {
                [400] = "`body` `malformed-json`.",
                [401] = "A missing or wrong user name or password (answered alike), or an account locked after repeated failures.",
                [429] = "Too many credential submissions from this address or for this account; try again in a minute.",
            },
        },
        ["DELETE /api/tokens/current"] = new(
            "Sign out",
            "The calling token stops working at once."),
        ["POST /api/bureau/events"] = new(
            "Record a bureau result",
            "The bureau liaison (or the bureau simulator) records what the bureau answered for an order: `sms-verified`, "
            + "`sms-expired`, `approved` (the product assigns the filing numbers) or `rejected` with reason codes. A duplicate or late "
            + "result answers `applied: false` with the `reason` and changes nothing.")
        {
            Answers =
            {
                [400] = "`filingId` `required`; `kind` `invalid-choice`; `reasonCodes` `return-needs-reason` (a rejection needs one) or "
                    + "`required` (an empty code).",
                [404] = "No such order.",
            },
        },
        ["GET /api/bureau/follow-ups"] = new(
            "List the orders waiting too long at the bureau",
            "The bureau liaison's open follow-ups: one per order whose bureau review has lasted 20 working days, with the order, "
            + "the owner team, since when it waits and the due time; the bureau's result closes it."),
        ["GET /api/province-rules"] = new(
            "Read the province rules in force",
            "The provider's rules per province (SMS step and window, verification methods per certificate type, mailed originals, "
            + "authenticity checks, refused mobile prefixes, words refused in personal site names); version 0 is the shipped defaults."),
        ["PUT /api/province-rules"] = new(
            "Save the province rules (compliance)",
            "Saves every province's rules as a new version with a note; orders created or updated afterwards meet it. Audited.")
        {
            Answers =
            {
                [400] = "Nothing saved: `smsWindowHours` `sms-window-range`; `provinces` `provinces-incomplete`; `provinces[i].province` "
                    + "`province-duplicate`; `provinces[i].verificationMethods` `verification-methods-empty`; "
                    + "`provinces[i].refusedMobilePrefixes[j]` `mobile-prefix-format`; `provinces[i].personalSiteNameWords[j]` "
                    + "`word-length`; `note` `required`; an unknown code `invalid-choice`.",
            },
        },
        ["GET /api/province-rules/versions"] = new(
            "List the saved versions of the province rules",
            "Newest first, each with who saved it, when and the note."),
        ["GET /api/province-rules/versions/{version}"] = new(
            "Read a saved version of the province rules",
            "That version as the rules in force are answered.")
        {
            Answers = { [404] = "No such version." },
        },
        ["POST /api/test-clock/advance"] = new(
            "Move the test clock forward (test mode)",
            "`{hours}` moves the application clock and fires what became due: timers, SLA escalations, bureau follow-ups, "
            + "public-security reminders. Only in test mode.")
        {
            Answers = { [400] = "`hours` `clock-hours-range` (missing, or not over 0 and at most 19200)." },
        },
        ["POST /api/bureau-simulator/registry"] = new(
            "Insert filing records (test mode)",
            "Subjects and websites filed at other providers (or here, provider `backoffice`), so the type decision meets existing "
            + "records. Only in test mode.")
        {
            Answers =
            {
                [400] = "`subjects` / `websites` `registry-batch-size` (1 to 1000); each record's fields (`required`, `province-unknown`, "
                    + "`subject-filing-number-format`, `website-filing-number-format`, `domain-syntax`, `registry-own-record`, "
                    + "`registry-subject-unknown`, `website-filing-number-issued`).",
            },
        },
        ["POST /api/domain-registry-simulator"] = new(
            "Insert domain registrations (test mode)",
            "Domain holders as the registrar would answer them (holder, certificate, real-name verification, expiry), for the "
            + "domain checks of an order. Only in test mode.")
        {
            Answers = { [400] = "`registrations` `registry-batch-size`; each registration's fields (`required`, `too-long`, `domain-syntax`, `invalid-choice`, `date-format`)." },
        },
    };
}
