using System.Security.Cryptography;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// POST /api/filings/{id}/materials (multipart: kind, file, optional website index). The type is
/// sniffed from the content, never taken from the name; the size is limited.
/// </summary>
public static class UploadMaterial
{
    private static readonly HashSet<string> AcceptingStatuses =
        [FilingStatus.Draft, FilingStatus.Returned, FilingStatus.BureauRejected, FilingStatus.Verification];

    /// <summary>The multipart form as the OpenAPI document describes it: the material's kind, the file, the website's index.</summary>
    public sealed record MaterialUpload(string Kind, IFormFile File, int? Website);

    public static async Task<IResult> HandleAsync(
        Guid id, HttpContext context, NpgsqlDataSource dataSource, ApplicationClock clock, FilingRules rules)
    {
        var ct = context.RequestAborted;
        if (!context.Request.HasFormContentType)
        {
            return Problems.Field(context, "file", "multipart-required");
        }

        if (context.Request.ContentLength > rules.MaxMaterialBytes + 64 * 1024)
        {
            return TooLarge(context, rules);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: 413 } ? TooLarge(context, rules) : Problems.Field(context, "file", "multipart-required");
        }

        var kind = form["kind"].ToString();
        var file = form.Files.GetFile("file");
        var errors = new ValidationErrors();
        int? websiteIndex = null;
        if (!Materials.IsKnownKind(kind))
        {
            errors.Add("kind", "unknown-material-kind", string.Join(", ", Materials.Kinds));
        }

        if (form.TryGetValue("website", out var website) && website.ToString().Length > 0)
        {
            if (int.TryParse(website.ToString(), out var index) && index is >= 0 and < 20) websiteIndex = index;
            else errors.Add("website", "material-website-index");
        }

        byte[] content = [];
        if (file is null)
        {
            errors.Add("file", "required");
        }
        else if (!Materials.IsPlainFileName(file.FileName))
        {
            errors.Add("file", "file-name-unsafe");
        }
        else if (file.Length > rules.MaxMaterialBytes)
        {
            return TooLarge(context, rules);
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        string? contentType = null;
        if (errors.IsEmpty && Materials.Check(kind, content, rules.MaxMaterialBytes, out contentType) is { } code)
        {
            errors.Add("file", code, Materials.AllowedTypesText(kind));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var order = await FilingOrders.LoadAsync(connection, transaction, id, true, ct);
        if (order is null)
        {
            return Problems.NotFound(context);
        }

        if (!AcceptingStatuses.Contains(order.Status))
        {
            return Problems.Conflict(context, "not-editable", Messages.NotEditable(context, order.Status));
        }

        var websites = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from filing_websites where order_id = @id", new { id }, transaction, cancellationToken: ct));
        if (websiteIndex >= websites)
        {
            return Problems.Field(context, "website", "material-website-index");
        }

        var materialId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var actor = context.Name();
        var fileName = Materials.SafeFileName(file!.FileName);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into filing_materials (id, order_id, kind, website_index, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            values (@materialId, @id, @kind, @websiteIndex, @fileName, @contentType, @size, @sha, @content, @actor, @now)
            """,
            new { materialId, id, kind, websiteIndex, fileName, contentType, size = content.Length, sha = SHA256.HashData(content), content, actor, now },
            transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, "material-uploaded", "filing-order", order.OrderNumber,
            new { materialId, kind, websiteIndex, size = content.Length, contentType }, ct);
        await transaction.CommitAsync(ct);
        return Results.Created($"/api/filings/{id}/materials/{materialId}", new FilingAnswers.MaterialCreated(materialId));
    }

    private static IResult TooLarge(HttpContext context, FilingRules rules) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: context.IsEnglish()
            ? $"The file is larger than {rules.MaxMaterialBytes / 1024} KB."
            : $"文件超过 {rules.MaxMaterialBytes / 1024} KB 上限。");
}
