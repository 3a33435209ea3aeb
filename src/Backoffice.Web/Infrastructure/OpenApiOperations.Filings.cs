namespace Backoffice.Web.Infrastructure;

/// <summary>The filing orders: what the console calls for an applicant's order, from deciding its type to the public-security number.</summary>
public static partial class OpenApiOperations
{
    private static Dictionary<string, OperationText> Filings => new()
    {
        ["POST /api/filing-types/resolve"] = new(
            "Decide the filing type (验证备案类型)",
            "The first step of every order: from the subject's province, nature and certificate and the domain, the filing "
            + "registry decides which type the order is (new filing, add website, access filing…). The console shows `filingTypeLabel` "
            + "and `reason` to the applicant and sends the order with that type; the applicant never picks it. `warnings` lists what "
            + "a later decision would cost (e.g. cancelling access here would lose the filing number).")
        {
            Answers =
            {
                [400] = "A field is missing or wrong: `province` (`required`, `province-unknown`), `subjectNature` (`invalid-choice`), "
                    + "`certificateType` / `certificateNumber` (`certificate-type-for-nature`, `uscc-format`, `uscc-check`, `resident-id-format`…), "
                    + "`domain` (`domain-syntax`, `domain-suffix-refused`, `domain-not-registrable`…).",
                [409] = "The domain cannot be filed here: `domain-filed-under-another-subject` (it is filed under another subject; "
                    + "that subject must cancel it first). `context` carries the filing numbers found.",
            },
        },
        ["GET /api/reason-codes"] = new(
            "List the return reasons",
            "The return-reason catalogue: each `code` with its `label` in the request's language. Returns (`returns[].reasonCodes` of an "
            + "order, `order.returned` events) carry these codes; show the label to the applicant."),
        ["POST /api/filings"] = new(
            "Create an order",
            "Creates an order in status `draft` from the order body (see the `FilingOrderRequest` example). The server decides "
            + "`filingType` from the certificate, the domains and the registry; a type sent by the client is checked, not trusted. Every "
            + "field error is answered at once, keyed by its path; nothing is stored. Next: upload the materials, then submit.")
        {
            Answers =
            {
                [400] = "Field errors keyed by path, e.g. `subject.certificateNumber` `uscc-check`, `subject.principal.mobile` `mobile-format`, "
                    + "`websites[0].domains[0]` `domain-syntax`, `websites[0].homepageUrls[0]` `homepage-not-on-domains`, `verificationMethod` "
                    + "`verification-method-not-accepted`, `filingType` `filing-type-mismatch`, `account.id` `account-other-subject` (the field codes table lists them all).",
                [409] = "`order-in-progress`: another order for this subject or domain is still open (`context.orderNumber`); "
                    + "`domain-filed-under-another-subject`.",
            },
        },
        ["GET /api/filings"] = new(
            "Search orders",
            "The orders the caller sees, newest first, 20 a page (`pageSize` up to 100). `q` finds an order number, a subject's "
            + "certificate number, the beginning of a subject's name or a domain. `total` is counted up to 1,000 orders past the page: "
            + "when `totalCapped` is true it is a lower bound; page on while `items` is full.")
        {
            Answers =
            {
                [400] = "`q` `too-long` (over 100 characters), `status` / `filingType` `invalid-choice`, `province` `province-unknown`, "
                    + "`page` `page-range`, `pageSize` `page-size-range`, or a value that does not parse (`value-unparsable`).",
            },
        },
        ["GET /api/filings/{id}"] = new(
            "Read an order and its progress",
            "The order as stored (personal data masked), its status, the filing numbers once approved, the timeline of public status "
            + "changes and every return with its reasons and the fields and materials it concerns (`returns[].items[{path, reason}]`), "
            + "which the console shows the applicant field by field.")
        {
            Answers = { [404] = "No such order, or one the caller may not see." },
        },
        ["PUT /api/filings/{id}"] = new(
            "Replace an order's data",
            "Replaces the whole body of a draft or of an order returned to the applicant, checked as on creation. After a return, "
            + "change what the return's items name, then submit again.")
        {
            Answers =
            {
                [400] = "Field errors keyed by path, as on creation.",
                [404] = "No such order.",
                [409] = "`not-editable`: the order is neither a draft nor waiting for the applicant; `order-in-progress`.",
            },
        },
        ["POST /api/filings/{id}/materials"] = new(
            "Upload a material",
            "A multipart form: `kind` (the material kind), `file` (JPEG, or PDF where the kind allows it; the type is read from the "
            + "content, never from the name) and, for a website's material such as its verification form, `website` (the website's "
            + "index in the order). Allowed while the order is a draft, returned, rejected by the bureau, or waiting for the curtain photo.")
        {
            Answers =
            {
                [400] = "`file` `multipart-required`, `required`, `file-name-unsafe`, `material-empty`, `material-type-not-allowed`; "
                    + "`kind` `unknown-material-kind`; `website` `material-website-index`.",
                [404] = "No such order.",
                [409] = "`not-editable`: the order does not take materials now.",
                [413] = "The file is over the size limit.",
            },
        },
        ["GET /api/filings/{id}/materials/{materialId}"] = new(
            "Download a material",
            "The uploaded file as an attachment, with its content type. Every download is audited.")
        {
            Answers = { [404] = "No such order or material, or an order the caller may not see." },
        },
        ["POST /api/filings/{id}/submit"] = new(
            "Submit an order",
            "Sends a complete draft into review (202 with the status it reached), or hands back an order that waits for "
            + "the applicant: fixes after a return, the curtain photo for verification. Follow the order by events or `GET /api/filings/{id}`.")
        {
            Answers =
            {
                [400] = "What is still missing, keyed by path: `materials.business-license` `material-missing`, "
                    + "`websites[0].materials.verification-form` `material-missing`, `materials.curtain-photo` `material-missing`, and field errors.",
                [404] = "No such order.",
                [409] = "`not-submittable`: the order is not a draft and does not wait for the applicant; `not-waiting-for-applicant`; "
                    + "`no-published-definition`: the order's filing type has no published workflow (tell the provider).",
            },
        },
        ["POST /api/filings/{id}/withdraw"] = new(
            "Withdraw an order (放弃)",
            "The applicant abandons the order (status `withdrawn`); its workflow stops. Possible until the order reaches the bureau.")
        {
            Answers =
            {
                [404] = "No such order.",
                [409] = "`at-bureau`: the bureau already has the order; `already-finished`: it is approved, rejected, withdrawn or expired.",
            },
        },
        ["POST /api/filings/{id}/public-security"] = new(
            "Report the public-security filing number",
            "After approval the applicant files with the public-security bureau within 30 days and reports its number (公安备案号) "
            + "here; this ends the reminders.")
        {
            Answers =
            {
                [400] = "`number` `required` or `public-security-number-format`.",
                [404] = "No such order.",
                [409] = "`no-public-security-follow-up`: the order is not approved or its follow-up has ended.",
            },
        },
        ["POST /api/filings/{id}/video-verification"] = new(
            "Record the electronic (video) verification",
            "For an order with `verificationMethod` electronic: the applicant's video check result. `passed` moves the order on to "
            + "second review; `failed` returns it to the applicant.")
        {
            Answers =
            {
                [400] = "`result` `required` or `invalid-choice` (passed, failed); `reference` `too-long` (64) or `control-characters`.",
                [404] = "No such order.",
                [409] = "`no-video-verification-waiting`: the order does not wait for a video verification.",
            },
        },
    };
}
