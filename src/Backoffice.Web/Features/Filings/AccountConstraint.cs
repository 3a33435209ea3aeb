using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Validation;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// The provider's account rule across orders, when it is on (Kingsoft: 一个账号只能备案一个主体): an account's orders,
/// withdrawn and expired ones aside, are all of one subject. Checked in the writing transaction under an advisory
/// lock on the account, so two orders of one account cannot both pass.
/// </summary>
public static class AccountConstraint
{
    public static async Task<IResult?> CheckAsync(
        HttpContext context, NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedOrder order, Guid self)
    {
        if (!context.RequestServices.GetRequiredService<IOptions<BackofficeOptions>>().Value.OneSubjectPerAccount || order.AccountId is null)
        {
            return null;
        }

        var ct = context.RequestAborted;
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"account:{order.AccountId}" }, transaction, cancellationToken: ct));
        var other = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            """
            select o.order_number from filing_orders o
            where o.account_id = @AccountId and o.id <> @self and o.status not in ('withdrawn', 'expired')
              and (o.subject_certificate_type <> @CertificateType or o.subject_certificate_number <> @CertificateNumber)
            order by o.created_at limit 1
            """, new { order.AccountId, self, order.CertificateType, order.CertificateNumber }, transaction, cancellationToken: ct));
        if (other is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("account.id", "account-other-subject", other);
        return Problems.Validation(context, errors);
    }
}
