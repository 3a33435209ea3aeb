using System.Globalization;
using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// The personal data of an order that pages show masked (ID numbers, phones), keyed by field path.
/// Revealing the full values is a deliberate act, written to the audit log with who and which order.
/// </summary>
public static class PersonalData
{
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
