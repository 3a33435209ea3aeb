using Backoffice.Reports;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Validation;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// GET /api/reports/{sla|bureau-results|public-security}.xlsx: management's workbooks, built while the
/// request waits (from the replica when one is set) and sent as an attachment. A bad query is 400 with its fields; every download is audited
/// with who pulled which report with which parameters.
/// </summary>
public static class ReportsApi
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization(Policies.Management).WithTags("Reports");
        reports.MapGet("/sla.xlsx", (HttpContext context, string? from, string? to, string? filingType, string? province, string? team) =>
                DownloadAsync(context, Report.Sla, ReportQuery.Of(context.Request.Query) with { From = from, To = to, FilingType = filingType, Province = province, Team = team }))
            .Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesValidationProblem();
        reports.MapGet("/bureau-results.xlsx", (HttpContext context, string? from, string? to, string? filingType, string? province) =>
                DownloadAsync(context, Report.BureauResults, ReportQuery.Of(context.Request.Query) with { From = from, To = to, FilingType = filingType, Province = province }))
            .Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesValidationProblem();
        reports.MapGet("/public-security.xlsx", (HttpContext context, string? asOf, string? filingType, string? province) =>
                DownloadAsync(context, Report.PublicSecurity, ReportQuery.Of(context.Request.Query) with { AsOf = asOf, FilingType = filingType, Province = province }))
            .Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesValidationProblem();
        return app;
    }

    /// <summary>The query as a whole (fields a report does not take are refused), with the fields the endpoint declares for the OpenAPI document.</summary>
    private static async Task<IResult> DownloadAsync(HttpContext context, string kind, ReportQuery query)
    {
        var services = context.RequestServices;
        var clock = services.GetRequiredService<ApplicationClock>();
        var ct = context.RequestAborted;
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        var teams = (await connection.QueryAsync<string>(new CommandDefinition("select id from teams order by id", cancellationToken: ct))).AsList();
        var user = context.Name();
        var errors = new ValidationErrors();
        var parameters = query.Validate(kind, errors, teams, clock.Today, context.IsEnglish(),
            await ReportAuthor.NameAsync(connection, user, ct), clock.GetUtcNow());
        if (parameters is null)
        {
            return Problems.Validation(context, errors);
        }

        parameters = parameters with
        {
            OrderUrl = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.OrderUrl,
            Targets = services.GetRequiredService<IOptions<ReportTargets>>().Value,
        };

        var calendar = await services.GetRequiredService<WorkingCalendarStore>().GetAsync(connection, ct);
        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (var replica = await services.GetRequiredService<ReadReplica>().OpenConnectionAsync(ct))
            {
                await Report.For(kind).BuildAsync(replica, calendar, parameters, file, null, ct);
            }

            var fileName = Report.FileName(kind, parameters);
            await AuditLog.WriteAsync(connection, null, clock.GetUtcNow(), user, "report-downloaded", "report", kind,
                new
                {
                    from = parameters.From, to = parameters.To, filingType = parameters.FilingType, province = parameters.Province, team = parameters.Team,
                    english = parameters.English, fileName, bytes = file.Length,
                },
                ct);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file, ContentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
