using static Backoffice.Web.Infrastructure.OpenApiDocument;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.DryRun;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// Dry-run scenarios that guard publishing (API.md): <c>PUT/GET/DELETE .../scenarios/{name}</c> and the
/// list. Each is a described order, the simulated outcomes of its waiting steps and what is expected
/// (steps the path passes, the result it ends with, a limit in working days); <see cref="FirstFailureAsync"/>
/// plays them all on a candidate version.
/// </summary>
public static class Scenarios
{
    public sealed record Expectation(string[]? Passes, string? EndStatus, int? MaxWorkingDays);

    public sealed record Scenario(JsonObject? Order, Dictionary<string, string[]>? Outcomes, Expectation? Expect);

    /// <summary>A scenario the candidate failed: its name and each difference from what was expected.</summary>
    public sealed record Failure(string Scenario, IReadOnlyList<string> Differences);

    private sealed record Row(string Name, string Body, string SavedBy, DateTimeOffset SavedAt);

    public static IEndpointRouteBuilder MapScenarios(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/scenarios", ListAsync);
        group.MapGet("/{id}/scenarios/{name}", GetAsync);
        group.MapPut("/{id}/scenarios/{name}", SaveAsync).Accepts<Scenario>(Json).ProducesValidationProblem();
        group.MapDelete("/{id}/scenarios/{name}", DeleteAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(string id, HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        if (!await DefinitionStore.ExistsAsync(connection, id, context.RequestAborted))
        {
            return Problems.NotFound(context);
        }

        return Results.Ok((await RowsAsync(connection, id, null, context.RequestAborted)).Select(Answer));
    }

    private static async Task<IResult> GetAsync(string id, string name, HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var row = (await RowsAsync(connection, id, name, context.RequestAborted)).SingleOrDefault();
        return row is null ? Problems.NotFound(context) : Results.Ok(Answer(row));
    }

    private static async Task<IResult> SaveAsync(string id, string name, HttpContext context, NpgsqlDataSource dataSource, FilingRules rules, TimeProvider clock)
    {
        var (scenario, problem) = await JsonBody.ReadAsync<Scenario>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = Check(name, scenario!, rules);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await DefinitionStore.ExistsAsync(connection, id, ct))
        {
            return Problems.NotFound(context);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var body = JsonSerializer.Serialize(scenario, JsonBody.Options);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_scenarios (definition_id, name, body, saved_by, saved_at) values (@id, @name, @body::jsonb, @actor, @now)
            on conflict (definition_id, name) do update set body = excluded.body, saved_by = excluded.saved_by, saved_at = excluded.saved_at
            """, new { id, name, body, actor = context.Name(), now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, context.Name(), "workflow-scenario-saved", "workflow-definition", id, new { name }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(Answer(new Row(name, body, context.Name(), now)));
    }

    private static async Task<IResult> DeleteAsync(string id, string name, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "delete from workflow_scenarios where definition_id = @id and name = @name", new { id, name }, transaction, cancellationToken: ct));
        if (deleted == 0)
        {
            return Problems.NotFound(context);
        }

        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), context.Name(), "workflow-scenario-deleted", "workflow-definition", id, new { name }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { name });
    }

    /// <summary>Plays every saved scenario of <paramref name="candidate"/>'s definition on it; the first that fails, or null.</summary>
    public static async Task<Failure?> FirstFailureAsync(
        NpgsqlConnection connection, WorkflowDefinition candidate, WorkingCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await ProvinceRuleStore.RulesAsync(connection, ct);
        foreach (var row in await RowsAsync(connection, candidate.Id, null, ct))
        {
            var scenario = JsonSerializer.Deserialize<Scenario>(row.Body, JsonBody.Options)!;
            var outcomes = (scenario.Outcomes ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
            var run = DryRunner.Run(candidate, new DryRunScenario(scenario.Order!, outcomes, now, 1), calendar, rules);
            var differences = Differences(scenario.Expect!, run, calendar, now);
            if (differences.Count > 0)
            {
                return new Failure(row.Name, differences);
            }
        }

        return null;
    }

    private static List<string> Differences(Expectation expect, DryRunResult run, WorkingCalendar calendar, DateTimeOffset start)
    {
        var differences = new List<string>();
        if (run.Error is { } error)
        {
            differences.Add($"stopped: {error}");
        }

        var passed = run.Steps.Select(s => s.ActivityId).ToHashSet();
        differences.AddRange((expect.Passes ?? []).Where(p => !passed.Contains(p)).Select(p => $"does not pass {p}"));
        if (expect.EndStatus is { } status && run.Result != status)
        {
            differences.Add($"ends {run.Result ?? "nowhere"}, expected {status}");
        }

        if (expect.MaxWorkingDays is { } days && (run.FinishedAt is null || run.FinishedAt > calendar.AddWorkingDays(start, days)))
        {
            differences.Add($"takes longer than {days} working days");
        }

        return differences;
    }

    private static ValidationErrors Check(string name, Scenario scenario, FilingRules rules)
    {
        var errors = new ValidationErrors();
        if (name.Length > 100)
        {
            errors.Add("name", "too-long", 100);
        }

        if (scenario.Order is null)
        {
            errors.Add("order", "required");
        }
        else
        {
            DescribedOrder.Check(scenario.Order, rules, errors);
        }

        if (scenario.Expect is null)
        {
            errors.Add("expect", "required");
            return errors;
        }

        if (scenario.Expect.EndStatus is { } status && !ActivityTypes.EndResults.Contains(status))
        {
            errors.Add("expect.endStatus", "invalid-choice", string.Join(", ", ActivityTypes.EndResults));
        }

        if (scenario.Expect.MaxWorkingDays is < 1 or > 3650)
        {
            errors.Add("expect.maxWorkingDays", "working-days-range");
        }

        return errors;
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(NpgsqlConnection connection, string id, string? name, CancellationToken ct) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select name, body::text as body, saved_by, saved_at from workflow_scenarios
            where definition_id = @id and (@name::text is null or name = @name) order by name
            """, new { id, name }, cancellationToken: ct))).AsList();

    private static object Answer(Row row) =>
        new { name = row.Name, scenario = JsonNode.Parse(row.Body), savedBy = row.SavedBy, savedAt = row.SavedAt };
}
