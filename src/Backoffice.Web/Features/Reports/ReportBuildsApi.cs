using static Backoffice.Web.Infrastructure.OpenApiDocument;
using System.Globalization;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Validation;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// /api/reports/builds (management): request a build made in the background, follow its progress
/// in the archive, download its workbook once done.
/// </summary>
public static class ReportBuildsApi
{
    public static IEndpointRouteBuilder MapReportBuildsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/builds").RequireAuthorization(Policies.Management).WithTags("Reports");
        group.MapPost("/", RequestAsync).Accepts<ReportBuildRequest>(Json).ProducesValidationProblem();
        group.MapGet("/", ListAsync).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/file", FileAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RequestAsync(
        HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, ReportBuilds builds, ArchiveQueries archive)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReportBuildRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        ReportBuildScope? scope;
        ValidationErrors errors;
        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            (scope, errors) = await body!.CheckAsync(connection, ReportBuildChecks.Today(clock), context.RequestAborted);
        }

        if (scope is null)
        {
            return Problems.Validation(context, errors);
        }

        var id = await builds.RequestAsync(body.Kind!, scope, context.Name(), context.RequestAborted);
        var entry = await archive.GetAsync(id, context.RequestAborted);
        return Results.Created($"/api/reports/builds/{id}", entry!.ToApi(context.IsEnglish()));
    }

    private static async Task<IResult> ListAsync(HttpContext context, ArchiveQueries archive, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var pageNumber = Number(errors, "page", page, 1, 1, 100_000, "page-range");
        var size = Number(errors, "pageSize", pageSize, 20, 1, 100, "page-size-range");
        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var english = context.IsEnglish();
        var entries = await archive.ListAsync(pageNumber, size, context.RequestAborted);
        return Results.Ok(new { page = pageNumber, pageSize = size, items = entries.Select(e => e.ToApi(english)) });
    }

    private static async Task<IResult> GetAsync(HttpContext context, ArchiveQueries archive, Guid id) =>
        await archive.GetAsync(id, context.RequestAborted) is { } entry ? Results.Ok(entry.ToApi(context.IsEnglish())) : Problems.NotFound(context);

    private static async Task<IResult> FileAsync(HttpContext context, ArchiveQueries archive, Guid id) =>
        await archive.DownloadAsync(id, context.Name(), context.RequestAborted) is { } file
            ? Results.File(file.Content, ArchiveQueries.ArchiveFile.ContentType, file.FileName)
            : Problems.NotFound(context);

    private static int Number(ValidationErrors errors, string path, string? value, int fallback, int min, int max, string code)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(path, code);
        return fallback;
    }
}
