using System.Globalization;
using System.Text;
using Backoffice.Web.Features.Console;
using Backoffice.Workflows.Validation;
using Microsoft.OpenApi;

namespace Backoffice.Web.Infrastructure;

/// <summary>What an operation of /openapi/v1.json tells a console developer: a summary, what it does, and per error status the stable codes it answers with.</summary>
public sealed record OperationText(string Summary, string Description)
{
    public Dictionary<int, string> Answers { get; init; } = [];
}

/// <summary>
/// The words of the OpenAPI document, in one home: each operation's summary, description and error codes (the
/// partial files by area), and the conventions every operation shares, with the catalogue of field error codes
/// generated from <see cref="ValidationMessages"/> so it never falls behind.
/// </summary>
public static partial class OpenApiOperations
{
    private const string ValidationSchema = "HttpValidationProblemDetails";
    private const string ProblemSchema = "ProblemDetails";

    private static readonly Lazy<Dictionary<string, OperationText>> All = new(() =>
        Filings.Concat(Tasks).Concat(Definitions).Concat(Designer).Concat(Console).Concat(Reports).Concat(Others)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>The operation's text by "METHOD /path" as the document names it; null for one not described.</summary>
    public static OperationText? Find(string method, string path) =>
        All.Value.TryGetValue($"{method.ToUpperInvariant()} {path.TrimEnd('/')}", out var text) ? text : null;

    /// <summary>Sets each described operation's words and error answers; 401 and 403 on every secured one.</summary>
    public static void Apply(Microsoft.OpenApi.OpenApiDocument document)
    {
        document.Info.Description = Conventions();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.Responses ??= new OpenApiResponses();
                if (Find(method.Method, path) is { } text)
                {
                    operation.Summary = text.Summary;
                    operation.Description = text.Description;
                    foreach (var (status, answer) in text.Answers)
                    {
                        Answer(document, operation, status, answer);
                    }
                }

                if (operation.Parameters?.Any(p => p.Name == IdempotencyKeys.Header) == true)
                {
                    Answer(document, operation, 400, "`Idempotency-Key` `idempotency-key-format`.");
                    Answer(document, operation, 409, "`idempotency-key-in-flight`: a request with this Idempotency-Key still runs.");
                    Answer(document, operation, 422, "`idempotency-key-reused`: this Idempotency-Key was used with another body.");
                }

                if (operation.Security is not { Count: 0 })
                {
                    Answer(document, operation, 401, "No valid bearer token: missing, expired or signed out.", onlyIfUndescribed: true);
                    Answer(document, operation, 403, "The token's roles do not open this operation.", onlyIfUndescribed: true);
                }
            }
        }
    }

    /// <summary>
    /// Describes an error answer: the text replaces the framework's bare reason phrase, is added to a description already
    /// written (unless <paramref name="onlyIfUndescribed"/>), or creates the answer with the problem schema the API sends.
    /// </summary>
    private static void Answer(Microsoft.OpenApi.OpenApiDocument document, OpenApiOperation operation, int status, string text, bool onlyIfUndescribed = false)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            var generic = string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrase(status);
            if (generic || !onlyIfUndescribed)
            {
                response.Description = generic ? text : $"{response.Description} {text}";
            }

            return;
        }

        var schema = status == 400 ? ValidationSchema : ProblemSchema;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = text,
            Content = document.Components?.Schemas?.ContainsKey(schema) == true
                ? new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) } }
                : null,
        };
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    /// <summary>The document's introduction: authentication, languages, errors and their codes, retries, events.</summary>
    private static string Conventions()
    {
        var text = new StringBuilder(
            """
            The ICP filing back-office's API for the provider's console and for staff tools (docs/API.md is the part that never changes).

            **Authentication.** Every `/api` call takes `Authorization: Bearer <token>`: the console sends its API key (role `console`); staff send a token from `POST /api/tokens`.

            **Language.** Error messages are Chinese by default, English with `?lang=en` or `Accept-Language: en`. Codes never change with the language: a client branches on codes, never on messages.

            **Times and personal data.** Times are ISO 8601 with their offset. ID numbers and phone numbers are masked in every read.

            **Errors** are RFC 9457 `application/problem+json`:
            - **400**: input the client got wrong; nothing was stored. `errors` holds messages and `errorCodes` stable codes, both keyed by the field path (`subject.certificateNumber`, `websites[0].homepageUrls[0]`) or the parameter name (`page`, `Idempotency-Key`). A route, query or header value that does not parse is `value-unparsable` at the parameter; a body that is not JSON or has a field of the wrong type is `malformed-json` at `body`. The field codes are listed below.
            - **401**: no valid token. **403**: the token's roles do not open the operation.
            - **404**: an unknown id, and equally an order the caller may not see.
            - **409**: the request conflicts with the current state; `code` says why (each operation lists its codes).
            - **413**: the body is over the size limit. **422**: an `Idempotency-Key` reused with another body (`code: idempotency-key-reused`), or a candidate workflow that failed a saved scenario (`scenario-failed`).
            - **429**: too many sign-in attempts.

            **Retries.** Send `Idempotency-Key` (1 to 255 visible characters) on any POST or PUT: the same key and body within 24 hours answers the first answer again (header `Idempotent-Replayed: true`) and does nothing new; the same key with another body is 422 `idempotency-key-reused`; while the first request still runs, 409 `idempotency-key-in-flight`.

            **Events.** Status changes, returns, bureau results, filing numbers and public-security reminders are events: read them with `GET /api/events` or receive them by webhook (`POST /api/webhooks`), signed per the Standard Webhooks specification.

            ### Field error codes (`errorCodes`)
            | code | meaning |
            |---|---|

            """);
        foreach (var code in ValidationMessages.Codes.Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{code}` | {ValidationMessages.Format(code, english: true, Placeholders).Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The argument placeholders of a message template, shown as "…" in the code table.</summary>
    private static readonly object[] Placeholders = ["…", "…", "…", "…"];
}
