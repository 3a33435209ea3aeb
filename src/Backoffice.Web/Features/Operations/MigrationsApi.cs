using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Operations;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// POST /api/workflow-definitions/{id}/migrations and GET .../migrations/{migrationId} (docs/API.md, "Safe
/// change and operations"): a dry run says per instance what moving it would do and changes nothing; a
/// migration is accepted (202), runs in batches, and its status lists every instance's result.
/// </summary>
public static class MigrationsApi
{
    public const int MaxInstances = 10_000;

    public sealed record MigrationRequest(int? FromVersion, int? ToVersion, Dictionary<string, string?>? Mapping, List<Guid>? InstanceIds, bool? DryRun);

    public sealed record InstanceResult(Guid InstanceId, string Outcome, string? Reason, string? ActivityId, string? Detail);

    public sealed record DryRunAnswer(int Migrated, int Blocked, IReadOnlyList<InstanceResult> Results);

    public sealed record MigrationStarted(Guid MigrationId);

    public sealed record MigrationStatus(
        Guid Id, string DefinitionId, int FromVersion, int ToVersion, string Status, string RequestedBy, DateTimeOffset RequestedAt,
        int Total, int Migrated, int Blocked, IReadOnlyList<InstanceResult> Results);

    /// <summary>Maps into the definitions' route group (<see cref="Backoffice.Web.Features.Definitions.DefinitionsApi"/>), which requires the compliance policy.</summary>
    public static RouteGroupBuilder MapMigrationEndpoints(this RouteGroupBuilder definitions)
    {
        var group = definitions.MapGroup("/{id}/migrations").WithTags("Workflow instances");
        group.MapPost("/", PostAsync).Accepts<MigrationRequest>(OpenApiDocument.Json).Produces<DryRunAnswer>()
            .Produces<MigrationStarted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{migrationId:guid}", GetAsync).Produces<MigrationStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        return definitions;
    }

    private static async Task<IResult> PostAsync(string id, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store, InstanceMigrations migrations)
    {
        var (body, problem) = await JsonBody.ReadAsync<MigrationRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var versions = (await connection.QueryAsync<(int Version, string Status)>(new CommandDefinition(
            "select version, status from workflow_definition_versions where definition_id = @id", new { id }, cancellationToken: ct)))
            .ToDictionary(v => v.Version, v => v.Status);
        if (versions.Count == 0)
        {
            return Problems.NotFound(context);
        }

        var errors = MigrationRequestCheck.Check(body!, versions);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var mapping = body!.Mapping?.ToDictionary(m => m.Key, m => m.Value!) ?? [];
        var request = new InstanceMigrations.Request(id, body.FromVersion!.Value, body.ToVersion!.Value, mapping, body.InstanceIds);
        var plan = await migrations.PlanAsync(connection, request, ct);
        errors = MigrationRequestCheck.CheckMapping(plan);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        if (body.DryRun!.Value)
        {
            var results = (await InstanceMigrations.DryRunAsync(connection, plan, request, ct)).Select(r => Describe(r, plan, context.IsEnglish())).ToList();
            return Results.Ok(new DryRunAnswer(results.Count(r => r.Outcome == MigrationPlan.Migrated), results.Count(r => r.Outcome == MigrationPlan.Blocked), results));
        }

        var migrationId = await migrations.StartAsync(request, context.Name(), ct);
        return Results.Accepted($"/api/workflow-definitions/{id}/migrations/{migrationId}", new MigrationStarted(migrationId));
    }

    private static async Task<IResult> GetAsync(string id, Guid migrationId, HttpContext context, NpgsqlDataSource dataSource, InstanceMigrations migrations)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await MigrationReads.FindAsync(connection, id, migrationId, ct);
        if (row is null)
        {
            return Problems.NotFound(context);
        }

        var plan = await migrations.PlanAsync(connection, new InstanceMigrations.Request(id, row.FromVersion, row.ToVersion, row.MappingOf(), null), ct);
        var results = (await MigrationReads.ResultsAsync(connection, migrationId, ct)).Select(r => Describe(r, plan, context.IsEnglish(), done: true)).ToList();
        return Results.Ok(new MigrationStatus(row.Id, id, row.FromVersion, row.ToVersion, row.Status, row.RequestedBy, row.RequestedAt, row.Total,
            results.Count(r => r.Outcome == MigrationPlan.Migrated), results.Count(r => r.Outcome == MigrationPlan.Blocked), results));
    }

    private static InstanceResult Describe(MigrationPlan.Result result, MigrationPlan plan, bool english, bool done = false) =>
        new(result.InstanceId, result.Outcome, result.Reason, result.ActivityId, MigrationReasons.Describe(result, plan, english, done));
}
