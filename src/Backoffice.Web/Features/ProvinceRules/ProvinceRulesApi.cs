using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.ProvinceRules;
using Npgsql;

namespace Backoffice.Web.Features.ProvinceRules;

/// <summary>
/// The province rules (docs/API.md, docs/FILING-RULES.md): staff read the rules in force and their history;
/// compliance saves a new version. A body with any error changes nothing.
/// </summary>
public static class ProvinceRulesApi
{
    /// <summary>A save: the whole rule set (every province once) and why it changed.</summary>
    public sealed record SaveRequest
    {
        public int? SmsWindowHours { get; init; }
        public IReadOnlyList<ProvinceRule?>? Provinces { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>A version of the rules: 0 is the shipped defaults (no author, time or note).</summary>
    public sealed record RulesAnswer
    {
        public int Version { get; init; }
        public string? SavedBy { get; init; }
        public DateTimeOffset? SavedAt { get; init; }
        public string? Note { get; init; }
        public int SmsWindowHours { get; init; }
        public IReadOnlyList<ProvinceRule?> Provinces { get; init; } = [];

        public static RulesAnswer Of(ProvinceRulesVersion version) => new()
        {
            Version = version.Version, SavedBy = version.SavedBy, SavedAt = version.SavedAt, Note = version.Note,
            SmsWindowHours = version.Rules.SmsWindowHours ?? ProvinceRuleDefaults.SmsWindowHours, Provinces = version.Rules.Provinces ?? [],
        };
    }

    public static IEndpointRouteBuilder MapProvinceRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/province-rules").WithTags("Province rules");
        group.MapGet("/", CurrentAsync).RequireAuthorization(Policies.Staff).Produces<RulesAnswer>();
        group.MapPut("/", SaveAsync).RequireAuthorization(Policies.Compliance).Accepts<SaveRequest>(Json).Produces<RulesAnswer>().ProducesValidationProblem();
        group.MapGet("/versions", HistoryAsync).RequireAuthorization(Policies.Staff).Produces<IReadOnlyList<ProvinceRulesStamp>>();
        group.MapGet("/versions/{version:int}", VersionAsync).RequireAuthorization(Policies.Staff).Produces<RulesAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CurrentAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return Results.Ok(RulesAnswer.Of(await ProvinceRuleStore.CurrentAsync(connection, context.RequestAborted)));
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return Results.Ok(await ProvinceRuleStore.HistoryAsync(connection, context.RequestAborted));
    }

    private static async Task<IResult> VersionAsync(int version, HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return version < 1 || await ProvinceRuleStore.FindAsync(connection, version, context.RequestAborted) is not { } found
            ? Problems.NotFound(context)
            : Results.Ok(RulesAnswer.Of(found));
    }

    private static async Task<IResult> SaveAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<SaveRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var rules = new ProvinceRuleSet { SmsWindowHours = body!.SmsWindowHours, Provinces = body.Provinces };
        var errors = ProvinceRuleValidator.Validate(rules, body.Note);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var saved = await ProvinceRuleStore.SaveAsync(connection, rules, body.Note!.Trim(), context.Name(), clock.GetUtcNow(), context.RequestAborted);
        return Results.Ok(RulesAnswer.Of(saved));
    }
}
