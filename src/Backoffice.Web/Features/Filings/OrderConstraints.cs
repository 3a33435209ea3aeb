using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>
/// The rules that span orders, checked inside the writing transaction under advisory locks on the
/// subject, each domain and each access resource: one order in progress per subject and domain,
/// at most N websites per access resource, an authorization code used by one website only.
/// </summary>
public static class OrderConstraints
{
    private const string Open = "('withdrawn', 'expired')";

    /// <summary>
    /// The statuses an order in progress is not in. The subject's order is found through the partial unique index
    /// filing_orders_one_in_progress, the domains' through the GIN index on filing_websites: two look-ups, where one
    /// condition joined by "or" walked every open order. The domains are looked up one by one (a lateral look-up per
    /// domain): with the array overlapping the column the planner expected 1,875 websites for any domain and started a
    /// parallel worker for each new order.
    /// </summary>
    private const string InProgressExcluded = "('approved', 'withdrawn', 'expired')";

    public static async Task<IResult?> CheckAsync(
        HttpContext context, NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedOrder order, Guid self, FilingRules rules)
    {
        var ct = context.RequestAborted;
        var keys = new SortedSet<string>(StringComparer.Ordinal) { $"subject:{order.CertificateType}:{order.CertificateNumber}" };
        keys.UnionWith(order.Websites.SelectMany(w => w.Domains).Select(d => $"domain:{d}"));
        keys.UnionWith(order.Websites.Where(w => w.AccessValue is not null).Select(w => $"access:{w.AccessKind}:{w.AccessValue}"));
        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, transaction, cancellationToken: ct));
        }

        var busy = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            $"""
            select o.order_number from filing_orders o
            where o.id <> @self and o.status not in {InProgressExcluded}
              and o.subject_certificate_type = @CertificateType and o.subject_certificate_number = @CertificateNumber
            union all
            select o.order_number from unnest(@domains::text[]) d(domain)
            cross join lateral (select w.order_id from filing_websites w where w.domains @> array[d.domain]) w
            join filing_orders o on o.id = w.order_id
            where o.id <> @self and o.status not in {InProgressExcluded}
            limit 1
            """,
            new { self, order.CertificateType, order.CertificateNumber, domains = order.Websites.SelectMany(w => w.Domains).ToArray() },
            transaction, cancellationToken: ct));
        if (busy is not null)
        {
            return Problems.Conflict(context, FilingTypeReasons.OrderInProgress,
                FilingTypeReasons.Text(FilingTypeReasons.OrderInProgress, context.IsEnglish()), new { orderNumber = busy });
        }

        var errors = new ValidationErrors();
        foreach (var group in order.Websites.Where(w => w.AccessValue is not null).GroupBy(w => (w.AccessKind, w.AccessValue)))
        {
            var (used, inRegistry) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
                $"""
                select (select count(*)::int from filing_websites w join filing_orders o on o.id = w.order_id
                        where o.id <> @self and o.status not in {Open} and w.access_kind = @kind and w.access_value = @value),
                       (select count(*)::int from registry_accesses a where a.access_kind = @kind and a.access_value = @value)
                """,
                new { self, kind = group.Key.AccessKind, value = group.Key.AccessValue }, transaction, cancellationToken: ct));
            var first = group.First();
            if (group.Key.AccessKind == "authorization-code" && used + inRegistry > 0)
            {
                errors.Add($"websites[{first.Index}].accessResource.value", "authorization-code-used");
            }
            else if (used + inRegistry + group.Count() > rules.MaxWebsitesPerAccessResource)
            {
                errors.Add($"websites[{first.Index}].accessResource.value", "access-resource-quota",
                    rules.MaxWebsitesPerAccessResource, used + inRegistry);
            }
        }

        return errors.IsEmpty ? null : Problems.Validation(context, errors);
    }
}
