using Backoffice.Web.Features.Orders;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// GET /api/filings/{id}/materials/{materialId}: one material of that order (a material of another
/// order, or of an order out of the caller's sight, is 404), served as an attachment with its sniffed type; every download is audited, since
/// ID-card photos are personal data.
/// </summary>
public static class DownloadMaterial
{
    public static async Task<IResult> HandleAsync(Guid id, Guid materialId, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var material = await connection.QuerySingleOrDefaultAsync<MaterialFile>(new CommandDefinition(
            """
            select m.kind, m.file_name, m.content_type, m.content, o.order_number
            from filing_materials m join filing_orders o on o.id = m.order_id
            where m.id = @materialId and m.order_id = @id
            """,
            new { id, materialId }, transaction, cancellationToken: ct));
        if (material is null || !await (await OrderVisibility.ForAsync(context.User, connection, ct)).CanSeeAsync(connection, id, ct))
        {
            return Problems.NotFound(context);
        }

        await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), context.Name(), "material-downloaded", "filing-order",
            material.OrderNumber, new { materialId, material.Kind }, ct);
        await transaction.CommitAsync(ct);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(material.Content, material.ContentType, material.FileName);
    }

    private sealed record MaterialFile
    {
        public string Kind { get; init; } = "";
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public string OrderNumber { get; init; } = "";
    }
}
