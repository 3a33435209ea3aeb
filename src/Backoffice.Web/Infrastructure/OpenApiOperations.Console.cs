namespace Backoffice.Web.Infrastructure;

/// <summary>How the console learns of changes: the event feed and signed webhooks (docs/CONSOLE.md).</summary>
public static partial class OpenApiOperations
{
    private static Dictionary<string, OperationText> Console => new()
    {
        ["GET /api/events"] = new(
            "Read the order events after a cursor",
            "The events of every order in commit order, without gaps or repeats: `order.status-changed`, `order.returned` (with "
            + "its reasons and the fields to fix), `order.bureau-result`, `order.filing-numbers-assigned`, "
            + "`order.public-security-reminder`, `order.follow-up`. Start without `after`, keep `next` and pass it as `after` on the "
            + "following call; `limit` 1 to 1000 (default 100). An empty `items` means nothing new yet.")
        {
            Answers = { [400] = "`after` `cursor-format` (pass the `next` of the previous page); `limit` `events-limit-range`." },
        },
        ["POST /api/webhooks"] = new(
            "Register a webhook",
            "The events of `types` are POSTed to `url` as they happen, at least once, retried with backoff for 24 hours until a 2xx. "
            + "Each carries the Standard Webhooks headers `webhook-id` (the event id: deduplicate on it), `webhook-timestamp` (Unix "
            + "seconds) and `webhook-signature`: `v1,` + base64(HMAC-SHA256(key, \"{webhook-id}.{webhook-timestamp}.{body}\")), the "
            + "key being the base64 after `whsec_` in the answer's `secret`. Keep the secret: it is shown only here and on rotation.")
        {
            Answers =
            {
                [400] = "`url` `webhook-url-format` (missing, not http(s), with user info), `webhook-url-unresolvable` or `webhook-url-private` (loopback and "
                    + "private addresses are refused outside test mode); `types` `required`, `types[i]` `invalid-choice`.",
            },
        },
        ["GET /api/webhooks"] = new(
            "List the webhooks",
            "The console's webhooks with their URL and event types (never their secrets)."),
        ["DELETE /api/webhooks/{id}"] = new(
            "Delete a webhook",
            "Stops deliveries to the webhook at once.")
        {
            Answers = { [404] = "No such webhook." },
        },
        ["POST /api/webhooks/{id}/rotate-secret"] = new(
            "Rotate a webhook's secret",
            "Answers a new `secret`; for 24 hours deliveries are signed with both the old and the new key (two `v1,` signatures), "
            + "so the receiver can switch without losing an event.")
        {
            Answers = { [404] = "No such webhook." },
        },
        ["GET /api/webhooks/{id}/deliveries"] = new(
            "Read a webhook's deliveries, latest first",
            "Each event sent to the webhook: attempts, the last status or error, when it was delivered, the next attempt, or when "
            + "it was given up after 24 hours.")
        {
            Answers = { [404] = "No such webhook." },
        },
    };
}
