using System.Globalization;
using System.Text.Json;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Privacy;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>POST /api/filings: a new order in status draft, or every error and nothing stored.</summary>
public static class CreateFiling
{
    public sealed record Created(Guid Id, string OrderNumber, string FilingType, string Status, IReadOnlyList<FilingWarning> Warnings);

    public static async Task<IResult> HandleAsync(
        HttpContext context, NpgsqlDataSource dataSource, OrderPreparation preparation, ApplicationClock clock, FilingRules rules)
    {
        var (request, problem) = await JsonBody.ReadAsync<FilingOrderRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (order, refused) = await preparation.PrepareAsync(context, connection, request!);
        if (refused is not null)
        {
            return refused;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var conflict = await OrderConstraints.CheckAsync(context, connection, transaction, order!, id, rules)
            ?? await AccountConstraint.CheckAsync(context, connection, transaction, order!, id);
        if (conflict is not null)
        {
            return conflict;
        }

        var now = clock.GetUtcNow();
        var actor = context.Name();
        var serial = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select nextval('filing_order_number_seq')", transaction: transaction, cancellationToken: ct));
        var orderNumber = string.Create(CultureInfo.InvariantCulture, $"BO{clock.Today:yyyyMMdd}{serial:D6}");
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
                subject_certificate_type, subject_certificate_number, subject_filing_number, website_filing_number,
                verification_method, body, filing_password_hash, account_id, created_by, created_at, updated_at)
            values (@id, @orderNumber, @FilingType, 'draft', @Province, @Nature, @SubjectName, @CertificateType,
                @CertificateNumber, @SubjectFilingNumber, @WebsiteFilingNumber, @verificationMethod, @body::jsonb, @passwordHash, @AccountId, @actor, @now, @now)
            """,
            new
            {
                id, orderNumber, order!.FilingType, order.Province, order.Nature, order.SubjectName, order.CertificateType,
                order.CertificateNumber, order.SubjectFilingNumber, order.WebsiteFilingNumber, order.AccountId,
                verificationMethod = request!.VerificationMethod, body = Serialize(request, order), passwordHash = PasswordHash(request, order), actor, now,
            }, transaction, cancellationToken: ct));
        await WriteWebsitesAsync(connection, transaction, id, order, ct);
        await new AppendTimeline(id, now, FilingStatus.Draft, "created", actor, null).RunAsync(connection, transaction, ct);
        await AuditLog.WriteAsync(connection, transaction, now, actor, "created", "filing-order", orderNumber,
            new { order.FilingType, order.Province, order.AccountId }, ct);
        await transaction.CommitAsync(ct);
        return Results.Created($"/api/filings/{id}", new Created(id, orderNumber, order.FilingType, FilingStatus.Draft,
            FilingWarnings.Describe(order.WarningCodes, context.IsEnglish())));
    }

    /// <summary>The body as stored: the decided type, never the filing password (kept only as its hash).</summary>
    public static string Serialize(FilingOrderRequest request, PreparedOrder order) =>
        JsonSerializer.Serialize(request with { FilingType = order.FilingType, FilingPassword = null }, JsonBody.Options);

    /// <summary>The filing password's hash, for the types that need one.</summary>
    public static string? PasswordHash(FilingOrderRequest request, PreparedOrder order) =>
        FilingType.NeedsFilingPassword.Contains(order.FilingType) && request.FilingPassword is { } password ? FilingPasswords.Hash(password) : null;

    public static async Task WriteWebsitesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, PreparedOrder order, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from filing_websites where order_id = @id", new { id }, transaction, cancellationToken: ct));
        foreach (var w in order.Websites)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into filing_websites (order_id, idx, name, domains, access_kind, access_value)
                values (@id, @Index, @Name, @Domains, @AccessKind, @AccessValue)
                """,
                new { id, w.Index, w.Name, w.Domains, w.AccessKind, w.AccessValue }, transaction, cancellationToken: ct));
        }
    }
}
