using Backoffice.Web.Infrastructure;

namespace Backoffice.Web.Features.Filings;

/// <summary>The filing-order endpoints of docs/API.md, for the console and staff.</summary>
public static class FilingsApi
{
    public static IEndpointRouteBuilder MapFilingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/filing-types/resolve", ResolveFilingType.HandleAsync).RequireAuthorization(Policies.Filings).WithTags("Filings");
        app.MapGet("/api/reason-codes", ReasonCodes.ListAsync).RequireAuthorization(Policies.Filings).WithTags("Filings");

        var filings = app.MapGroup("/api/filings").RequireAuthorization(Policies.Filings).WithTags("Filings");
        filings.MapPost("/", CreateFiling.HandleAsync)
            .Produces<CreateFiling.Created>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapGet("/", FilingReads.ListAsync).Produces<FilingReads.FilingPage>();
        filings.MapGet("/{id:guid}", FilingReads.GetAsync).Produces<FilingReads.FilingDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        filings.MapPut("/{id:guid}", UpdateFiling.HandleAsync)
            .Produces<CreateFiling.Created>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/materials", UploadMaterial.HandleAsync).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data").ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        filings.MapGet("/{id:guid}/materials/{materialId:guid}", DownloadMaterial.HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
        filings.MapPost("/{id:guid}/submit", SubmitFiling.HandleAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/withdraw", WithdrawFiling.HandleAsync).ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/public-security", ReportPublicSecurity.HandleAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:guid}/video-verification", RecordVideoVerification.HandleAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
