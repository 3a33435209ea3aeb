using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.DryRun;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// POST /api/workflow-definitions/{id}/dry-run: plays the edited definition (or a stored version,
/// by default the latest) over a sample order, picked by id or described (its fields checked by
/// <see cref="DescribedOrder"/>), with simulated outcomes and a simulated clock. Reads only;
/// nothing is written.
/// </summary>
public static class DryRunEndpoint
{
    public sealed record DryRunRequest(
        JsonObject? Definition, int? Version, Guid? OrderId, JsonObject? Order,
        Dictionary<string, string[]>? Outcomes, DateTimeOffset? StartAt, double? AnswerAfterWorkingHours);

    public static async Task<IResult> RunAsync(
        string id, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store, WorkingCalendarStore calendars, FilingRules rules, TimeProvider clock)
    {
        var (request, problem) = await JsonBody.ReadAsync<DryRunRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await DefinitionStore.ExistsAsync(connection, id, ct))
        {
            return Problems.NotFound(context);
        }

        var errors = new ValidationErrors();
        var definition = await DefinitionAsync(connection, store, id, request!, errors, ct);
        var order = await OrderAsync(connection, request!, rules, errors, ct);
        var hours = request!.AnswerAfterWorkingHours ?? 1;
        if (hours is < 0 or > 2000)
        {
            errors.Add("answerAfterWorkingHours", "answer-hours-range");
        }

        var startAt = request.StartAt ?? clock.GetUtcNow();
        if (startAt.Year is < 2000 or > 2100)
        {
            errors.Add("startAt", "dry-run-start-range");
        }

        if (definition is not null)
        {
            CheckOutcomes(definition, request.Outcomes, errors);
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var definitionErrors = await DefinitionValidator.ValidateAsync(connection, definition!, ct);
        if (definitionErrors.Count > 0)
        {
            return DefinitionVersions.Invalid(context, definitionErrors);
        }

        var scenario = new DryRunScenario(order!,
            (request.Outcomes ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
            startAt, hours);
        return Results.Ok(DryRunner.Run(definition!, scenario, await calendars.GetAsync(connection, ct), await ProvinceRuleStore.RulesAsync(connection, ct)));
    }

    private static async Task<WorkflowDefinition?> DefinitionAsync(
        NpgsqlConnection connection, DefinitionStore store, string id, DryRunRequest request, ValidationErrors errors, CancellationToken ct)
    {
        if (request.Definition is not null)
        {
            try
            {
                var edited = request.Definition.Deserialize<WorkflowDefinition>(DefinitionJson.Options)! with { Id = id };
                if (edited.MissingPart() is { } missing)
                {
                    errors.Add($"definition.{missing}", "required");
                    return null;
                }

                return edited;
            }
            catch (JsonException ex)
            {
                errors.Add("definition", "malformed-json", ex.Path ?? "definition");
                return null;
            }
        }

        var version = request.Version ?? await DefinitionStore.LatestVersionAsync(connection, id, ct);
        var definition = await store.FindVersionAsync(connection, id, version, ct);
        if (definition is null)
        {
            errors.Add("version", "version-not-found", version);
        }

        return definition;
    }

    private static async Task<JsonObject?> OrderAsync(
        NpgsqlConnection connection, DryRunRequest request, FilingRules rules, ValidationErrors errors, CancellationToken ct)
    {
        if (request.OrderId is { } orderId)
        {
            var row = await FilingOrders.LoadAsync(connection, null, orderId, false, ct);
            if (row is null)
            {
                errors.Add("orderId", "order-not-found");
            }

            return row is null ? null : OrderDocument.From(row);
        }

        if (request.Order is null)
        {
            errors.Add("order", "sample-order-required");
            return null;
        }

        DescribedOrder.Check(request.Order, rules, errors);
        return request.Order;
    }

    private static void CheckOutcomes(WorkflowDefinition definition, Dictionary<string, string[]>? outcomes, ValidationErrors errors)
    {
        foreach (var (activityId, planned) in outcomes ?? [])
        {
            var activity = definition.Find(activityId);
            var offered = activity is null ? null : ActivityTypes.Find(activity.Type)?.OutcomesOf(activity);
            if (offered is null)
            {
                errors.Add($"outcomes.{activityId}", "dry-run-activity-unknown", activityId);
                continue;
            }

            foreach (var outcome in planned.Where(o => !offered.Contains(o)))
            {
                errors.Add($"outcomes.{activityId}", "dry-run-outcome-unknown", outcome, string.Join(", ", offered));
            }
        }
    }
}
