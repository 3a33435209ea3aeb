namespace Backoffice.Web.Features.Filings;

/// <summary>The small answers of the order endpoints, typed so the OpenAPI document and generated clients carry them.</summary>
public static class FilingAnswers
{
    /// <summary>Submit (202) and withdraw (200): where the order stands now.</summary>
    public sealed record OrderStatus(Guid Id, string OrderNumber, string Status);

    public sealed record MaterialCreated(Guid MaterialId);

    public sealed record PublicSecurityReported(Guid Id, string PublicSecurityNumber);
}
