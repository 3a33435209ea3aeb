using System.Globalization;
using Backoffice.Reports;
using Backoffice.Reports.Dashboard;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Dashboard;

/// <summary>
/// GET /api/dashboard: the headline figures of the SLA and bureau-results workbooks for a period (the last
/// 30 days, today included, when left out) beside the previous period and the same period last year, summed from
/// the per-day figures kept for the dashboard (<see cref="DashboardDays"/>; on the primary, since a read first
/// computes the orders that changed and their days).
/// Names are in the caller's language (lang=en for English). A bad period is 400 with its fields. A team lead
/// sees his own teams only (<see cref="DashboardScope"/>).
/// </summary>
public static class DashboardApi
{
    /// <summary>The period shown when none is chosen: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", (HttpContext context, string? from, string? to, string? team) => FiguresAsync(context, from, to, team))
            .RequireAuthorization(Policies.Dashboard).WithTags("Reports")
            .Produces<DashboardFigures>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> FiguresAsync(HttpContext context, string? from, string? to, string? team)
    {
        var services = context.RequestServices;
        var clock = services.GetRequiredService<ApplicationClock>();
        var ct = context.RequestAborted;
        var today = clock.Today;
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            from = today.AddDays(1 - DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var errors = new ValidationErrors();
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        var scope = await DashboardScope.ForAsync(context.User, connection, team, context.IsEnglish(), errors, ct);
        if (scope.NotFound)
        {
            return Problems.NotFound(context);
        }

        var parameters = new ReportQuery(from, to, null, null, null, null)
            .Validate(Report.BureauResults, errors, [], today, context.IsEnglish(), context.Name(), clock.GetUtcNow());
        if (parameters is null || !errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        parameters = parameters with { Targets = services.GetRequiredService<IOptions<ReportTargets>>().Value };
        var calendar = await services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, ct);
        return Results.Ok(await DashboardFigures.ReadAsync(connection, calendar, parameters, scope.Teams, ct));
    }
}
