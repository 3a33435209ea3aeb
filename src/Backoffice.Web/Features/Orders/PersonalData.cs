using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// The personal data of an order that pages show masked (ID numbers, phones), keyed by field path.
/// Revealing the full values is a deliberate act of the roles that review orders, written to the
/// audit log with who and which order.
/// </summary>
public static class PersonalData
{
    /// <summary>Reviewers, team leads and admins: those who check ID numbers and phones against the materials.</summary>
    public const string RevealPolicy = Policies.Reviewer;

    public static async Task<bool> MayRevealAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, RevealPolicy)).Succeeded;

    public static IReadOnlyDictionary<string, string?> Fields(FilingOrderRequest body)
    {
        var fields = new Dictionary<string, string?>();
        if (body.Subject?.Nature == "individual")
        {
            fields["subject.certificateNumber"] = body.Subject.CertificateNumber;
        }

        Add(fields, "subject.principal", body.Subject?.Principal);
        for (var i = 0; i < (body.Websites?.Count ?? 0); i++)
        {
            Add(fields, string.Create(CultureInfo.InvariantCulture, $"websites[{i}].principal"), body.Websites![i]?.Principal);
        }

        return fields;
    }

    /// <summary>The full values of the order's personal data; audited. Null when the order does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>?> RevealAsync(
        NpgsqlConnection connection, Guid orderId, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var order = await FilingOrders.LoadAsync(connection, null, orderId, false, ct);
        if (order is null)
        {
            return null;
        }

        var fields = Fields(JsonSerializer.Deserialize<FilingOrderRequest>(order.Body, JsonBody.Options)!);
        await AuditLog.WriteAsync(connection, null, now, actor, "personal-data-revealed", "filing-order", order.OrderNumber,
            new { fields = fields.Keys }, ct);
        return fields;
    }

    private static void Add(Dictionary<string, string?> fields, string path, PrincipalInfo? principal)
    {
        if (principal is null)
        {
            return;
        }

        fields[$"{path}.certificateNumber"] = principal.CertificateNumber;
        fields[$"{path}.mobile"] = principal.Mobile;
        fields[$"{path}.officePhone"] = principal.OfficePhone;
    }
}
