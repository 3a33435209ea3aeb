using System.Globalization;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.TestMode;

/// <summary>
/// POST /api/domain-registry-simulator: what domain registrars say about domains (holder, certificate,
/// real-name status, expiry), which the domain-registry simulator then answers. All rows or none.
/// </summary>
public static class DomainRegistrationInsert
{
    public sealed record Request(IReadOnlyList<Row?>? Registrations);

    public sealed record Row(
        string? Domain, string? Registrar, string? HolderName, string? CertificateType, string? CertificateNumber, bool? RealNameVerified, string? ExpiresOn);

    public static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (!TestModeApi.IsOn(context))
        {
            return Problems.NotFound(context);
        }

        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var rows = body!.Registrations ?? [];
        var errors = new ValidationErrors();
        var domains = new string[rows.Count];
        var expiries = new DateOnly[rows.Count];
        if (rows.Count is 0 or > 1000) errors.Add("registrations", "registry-batch-size");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var path = $"registrations[{i}]";
            if (r is null) { errors.Add(path, "required"); continue; }
            if (DomainName.TryNormalize(r.Domain, out var ascii)) domains[i] = ascii; else errors.Add($"{path}.domain", "domain-syntax");
            TextRules.Check(errors, $"{path}.registrar", r.Registrar, true, 100);
            TextRules.Check(errors, $"{path}.holderName", r.HolderName, true, 100);
            if (!PersonDocuments.IsKnownCertificateType(r.CertificateType)) errors.Add($"{path}.certificateType", "invalid-choice", string.Join(", ", PersonDocuments.CertificateTypes));
            TextRules.Check(errors, $"{path}.certificateNumber", r.CertificateNumber, true, 40);
            if (r.RealNameVerified is null) errors.Add($"{path}.realNameVerified", "required");
            if (!DateOnly.TryParseExact(r.ExpiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiries[i])) errors.Add($"{path}.expiresOn", "date-format");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i]!;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into domain_registrations (domain, registrar, holder_name, certificate_type, certificate_number, real_name_verified, expires_on, updated_at)
                values (@domain, @Registrar, @HolderName, @CertificateType, upper(@CertificateNumber), @RealNameVerified, @expiresOn, @now)
                on conflict (domain) do update set registrar = excluded.registrar, holder_name = excluded.holder_name,
                    certificate_type = excluded.certificate_type, certificate_number = excluded.certificate_number,
                    real_name_verified = excluded.real_name_verified, expires_on = excluded.expires_on, updated_at = excluded.updated_at
                """, new { domain = domains[i], r.Registrar, r.HolderName, r.CertificateType, r.CertificateNumber, r.RealNameVerified, expiresOn = expiries[i], now },
                transaction, cancellationToken: ct));
        }

        await AuditLog.WriteAsync(connection, transaction, now, context.Name(), "domain-registrations-set", "domain-registry", "simulator", new { registrations = rows.Count }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { registrations = rows.Count });
    }
}
