using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Timers;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.TestMode;

/// <summary>
/// docs/API.md test mode: the test clock (moving it fires due timers and SLA escalations at once) and the
/// bureau simulator's registry insert. Without
/// Backoffice:TestMode both answer 404, as if they did not exist.
/// </summary>
public static class TestModeApi
{
    public sealed record AdvanceRequest(double? Hours);

    public static IEndpointRouteBuilder MapTestModeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/test-clock/advance", AdvanceAsync).RequireAuthorization(Policies.TestMode).WithTags("Test mode")
            .Accepts<AdvanceRequest>(Json).ProducesValidationProblem();
        app.MapPost("/api/bureau-simulator/registry", RegistryInsert.HandleAsync).RequireAuthorization(Policies.TestMode).WithTags("Test mode")
            .Accepts<RegistryInsert.Request>(Json).ProducesValidationProblem();
        app.MapPost("/api/domain-registry-simulator", DomainRegistrationInsert.HandleAsync).RequireAuthorization(Policies.TestMode).WithTags("Test mode")
            .Accepts<DomainRegistrationInsert.Request>(Json).ProducesValidationProblem();
        return app;
    }

    public static bool IsOn(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<BackofficeOptions>>().Value.TestMode;

    private static async Task<IResult> AdvanceAsync(
        HttpContext context, ApplicationClock clock, NpgsqlDataSource dataSource, TimerSweep sweep, EscalateTasks slaSweep, BureauFollowUps bureauFollowUps)
    {
        if (!IsOn(context))
        {
            return Problems.NotFound(context);
        }

        var (body, problem) = await JsonBody.ReadAsync<AdvanceRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Hours is not { } hours || hours <= 0 || hours > 24 * 800 || double.IsNaN(hours))
        {
            return Problems.Field(context, "hours", "clock-hours-range");
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        await clock.AdvanceAsync(connection, TimeSpan.FromHours(hours), context.RequestAborted);
        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), context.Name(),
            "test-clock-advanced", "clock", "application", new { hours }, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        var fired = await sweep.SweepAsync(context.RequestAborted);
        var escalated = await slaSweep.EscalateAsync(context.RequestAborted);
        var followUps = await bureauFollowUps.SweepAsync(context.RequestAborted);
        return Results.Ok(new { now = clock.GetUtcNow(), offsetHours = clock.Offset.TotalHours, firedTimers = fired, escalatedTasks = escalated, bureauFollowUps = followUps });
    }
}
