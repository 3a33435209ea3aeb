using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Filings;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// PUT /api/filings/{id}: the applicant replaces the order's data while it is a draft or was
/// returned for fixes. The type is decided again; it may not change.
/// </summary>
public static class UpdateFiling
{
    public static async Task<IResult> HandleAsync(
        Guid id, HttpContext context, NpgsqlDataSource dataSource, OrderPreparation preparation, ApplicationClock clock, FilingRules rules)
    {
        var (request, problem) = await JsonBody.ReadAsync<FilingOrderRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var existing = await FilingOrders.LoadAsync(connection, null, id, false, ct);
        if (existing is null)
        {
            return Problems.NotFound(context);
        }

        var (order, refused) = await preparation.PrepareAsync(context, connection, request! with { FilingType = request!.FilingType ?? existing.FilingType });
        if (refused is not null)
        {
            return refused;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var current = await FilingOrders.LoadAsync(connection, transaction, id, true, ct);
        if (!FilingStatus.Editable.Contains(current!.Status))
        {
            return Problems.Conflict(context, "not-editable", Messages.NotEditable(context, current.Status));
        }

        var conflict = await OrderConstraints.CheckAsync(context, connection, transaction, order!, id, rules)
            ?? await AccountConstraint.CheckAsync(context, connection, transaction, order!, id);
        if (conflict is not null)
        {
            return conflict;
        }

        var now = clock.GetUtcNow();
        var actor = context.Name();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update filing_orders set body = @body::jsonb, province = @Province, subject_nature = @Nature,
                subject_name = @SubjectName, subject_certificate_type = @CertificateType,
                subject_certificate_number = @CertificateNumber, subject_filing_number = @SubjectFilingNumber,
                website_filing_number = @WebsiteFilingNumber, verification_method = @verificationMethod,
                filing_password_hash = @passwordHash, account_id = @AccountId, updated_at = @now, row_version = row_version + 1
            where id = @id
            """,
            new
            {
                id, body = CreateFiling.Serialize(request, order!), order!.Province, order.Nature, order.SubjectName,
                order.CertificateType, order.CertificateNumber, order.SubjectFilingNumber, order.WebsiteFilingNumber, order.AccountId,
                verificationMethod = request.VerificationMethod, passwordHash = CreateFiling.PasswordHash(request, order), now,
            },
            transaction, cancellationToken: ct));
        await CreateFiling.WriteWebsitesAsync(connection, transaction, id, order, ct);
        await new AppendTimeline(id, now, current.Status, "updated", actor, null).RunAsync(connection, transaction, ct);
        await AuditLog.WriteAsync(connection, transaction, now, actor, "updated", "filing-order", current.OrderNumber, null, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new CreateFiling.Created(id, current.OrderNumber, current.FilingType, current.Status,
            FilingWarnings.Describe(order.WarningCodes, context.IsEnglish())));
    }
}
