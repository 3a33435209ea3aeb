using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;

namespace Backoffice.Web.Features.Filings;

/// <summary>The filing-order endpoints of docs/API.md, for the console and staff.</summary>
public static class FilingsApi
{
    public static IEndpointRouteBuilder MapFilingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/filing-types/resolve", ResolveFilingType.HandleAsync).RequireAuthorization(Policies.Filings).WithTags("Filings")
            .Accepts<ResolveFilingType.Request>(Json).Produces<ResolveFilingType.Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/reason-codes", ReasonCodes.ListAsync).Produces<ReasonCodes.ReasonCode[]>().RequireAuthorization(Policies.Filings).WithTags("Filings");

        var filings = app.MapGroup("/api/filings").RequireAuthorization(Policies.Filings).WithTags("Filings");
        filings.MapPost("/", CreateFiling.HandleAsync).Accepts<FilingOrderRequest>(Json)
            .Produces<CreateFiling.Created>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapGet("/", FilingReads.ListAsync).Produces<FilingReads.FilingPage>();
        filings.MapGet("/{id:guid}", FilingReads.GetAsync).Produces<FilingReads.FilingDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        filings.MapPut("/{id:guid}", UpdateFiling.HandleAsync).Accepts<FilingOrderRequest>(Json)
            .Produces<CreateFiling.Created>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/materials", UploadMaterial.HandleAsync).DisableAntiforgery()
            .Accepts<UploadMaterial.MaterialUpload>("multipart/form-data").Produces<FilingAnswers.MaterialCreated>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        filings.MapGet("/{id:guid}/materials/{materialId:guid}", DownloadMaterial.HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
        filings.MapPost("/{id:guid}/submit", SubmitFiling.HandleAsync).Produces<FilingAnswers.OrderStatus>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/withdraw", WithdrawFiling.HandleAsync).Produces<FilingAnswers.OrderStatus>().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/public-security", ReportPublicSecurity.HandleAsync).Accepts<ReportPublicSecurity.Request>(Json).Produces<FilingAnswers.PublicSecurityReported>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/video-verification", RecordVideoVerification.HandleAsync).Accepts<RecordVideoVerification.Request>(Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
