using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// /api/reports/subscriptions (management): reports built on a schedule and mailed to their recipients;
/// the next runs of a schedule before it is saved. A Quartz cron is for admins only (403 otherwise).
/// </summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/subscriptions").RequireAuthorization(Policies.Management).WithTags("Reports");
        group.MapGet("/", async (HttpContext context, Subscriptions subscriptions) =>
            Results.Ok((await subscriptions.ListAsync(context.RequestAborted)).Select(s => ToApi(s, context.IsEnglish()))));
        group.MapGet("/{id:guid}", async (HttpContext context, Subscriptions subscriptions, Guid id) =>
            await subscriptions.GetAsync(id, context.RequestAborted) is { } view ? Results.Ok(ToApi(view, context.IsEnglish())) : Problems.NotFound(context))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).Accepts<SubscriptionRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/preview", PreviewAsync).Accepts<SubscriptionRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateAsync).Accepts<SubscriptionRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:guid}", async (HttpContext context, Subscriptions subscriptions, Guid id) =>
            await subscriptions.DeleteAsync(id, context.Name(), context.RequestAborted) ? Results.NoContent() : Problems.NotFound(context))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Subscriptions subscriptions)
    {
        var (spec, problem) = await ReadAsync(context, dataSource, clock);
        if (spec is null)
        {
            return problem!;
        }

        var id = await subscriptions.CreateAsync(spec, context.Name(), context.RequestAborted);
        return Results.Created($"/api/reports/subscriptions/{id}", ToApi((await subscriptions.GetAsync(id, context.RequestAborted))!, context.IsEnglish()));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Subscriptions subscriptions, Guid id)
    {
        var (spec, problem) = await ReadAsync(context, dataSource, clock);
        if (spec is null)
        {
            return problem!;
        }

        return await subscriptions.UpdateAsync(id, spec, context.Name(), context.RequestAborted)
            ? Results.Ok(ToApi((await subscriptions.GetAsync(id, context.RequestAborted))!, context.IsEnglish()))
            : Problems.NotFound(context);
    }

    private static async Task<IResult> PreviewAsync(HttpContext context, TimeProvider clock, SubscriptionSchedule schedule)
    {
        var (body, problem) = await BodyAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.CheckSchedule(errors, clock.GetUtcNow()) is not { } when)
        {
            return Problems.Validation(context, errors);
        }

        var runs = await schedule.NextRunsAsync(when, context.RequestAborted);
        return Results.Ok(new { schedule = when.Describe(context.IsEnglish()), nextRuns = runs.Runs, runs.YearsWithoutCalendar });
    }

    /// <summary>The body; a Quartz cron from anyone but an admin is refused (403) before it is read further.</summary>
    private static async Task<(SubscriptionRequest? Body, IResult? Problem)> BodyAsync(HttpContext context)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubscriptionRequest>(context);
        if (problem is not null)
        {
            return (null, problem);
        }

        return body!.SendsCron && !context.User.IsInRole(Roles.Admin)
            ? (null, Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: context.T("只有管理员可以用 Quartz 表达式设定运行时间；请选择每天、每周或每月。", "Only admins may schedule with a Quartz expression; pick daily, weekly or monthly."),
                extensions: new Dictionary<string, object?> { ["code"] = "cron-admin-only" }))
            : (body, null);
    }

    private static async Task<(SubscriptionSpec? Spec, IResult? Problem)> ReadAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await BodyAsync(context);
        if (problem is not null)
        {
            return (null, problem);
        }

        SubscriptionSpec? spec;
        ValidationErrors errors;
        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            (spec, errors) = await body!.CheckAsync(connection, clock.GetUtcNow(), context.RequestAborted);
        }

        return spec is null ? (null, Problems.Validation(context, errors)) : (spec, null);
    }

    private static object ToApi(Subscriptions.View s, bool english) => new
    {
        s.Id,
        s.Kind,
        s.Frequency,
        Cron = s.Frequency == ReportSchedule.CronFrequency ? s.Cron : null,
        Time = s.AtTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.Weekdays,
        s.MonthDay,
        s.WorkingDaysOnly,
        Schedule = s.Schedule.Describe(english),
        s.PeriodDays,
        s.FilingType,
        s.Province,
        s.Team,
        Lang = s.English ? "en" : "zh",
        s.Recipients,
        s.Active,
        s.CreatedBy,
        s.CreatedAt,
        s.UpdatedBy,
        s.UpdatedAt,
        s.NextFireAt,
        NextRuns = s.NextRuns.Runs,
        s.NextRuns.YearsWithoutCalendar,
    };
}
