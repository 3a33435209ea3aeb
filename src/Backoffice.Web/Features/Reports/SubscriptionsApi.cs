using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>/api/reports/subscriptions (management): reports built on a working-day schedule and mailed to their recipients.</summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/subscriptions").RequireAuthorization(Policies.Management).WithTags("Reports");
        group.MapGet("/", async (HttpContext context, Subscriptions subscriptions) =>
            Results.Ok((await subscriptions.ListAsync(context.RequestAborted)).Select(ToApi)));
        group.MapGet("/{id:guid}", async (HttpContext context, Subscriptions subscriptions, Guid id) =>
            await subscriptions.GetAsync(id, context.RequestAborted) is { } view ? Results.Ok(ToApi(view)) : Problems.NotFound(context))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).Accepts<SubscriptionRequest>(Json).ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateAsync).Accepts<SubscriptionRequest>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
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
        return Results.Created($"/api/reports/subscriptions/{id}", ToApi((await subscriptions.GetAsync(id, context.RequestAborted))!));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Subscriptions subscriptions, Guid id)
    {
        var (spec, problem) = await ReadAsync(context, dataSource, clock);
        if (spec is null)
        {
            return problem!;
        }

        return await subscriptions.UpdateAsync(id, spec, context.Name(), context.RequestAborted)
            ? Results.Ok(ToApi((await subscriptions.GetAsync(id, context.RequestAborted))!))
            : Problems.NotFound(context);
    }

    private static async Task<(SubscriptionSpec? Spec, IResult? Problem)> ReadAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubscriptionRequest>(context);
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

    private static object ToApi(Subscriptions.View s) => new
    {
        s.Id,
        s.Kind,
        s.Cron,
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
    };
}
