using System.Security.Claims;
using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// Which orders a caller may see. Admins, compliance, bureau liaison, management and the console see every
/// order; reviewers and team leads only orders their teams have (or had) a review task on. An order out of
/// sight is answered as if it did not exist (404) and never listed, so order ids cannot be probed.
/// </summary>
public sealed record OrderVisibility(bool SeesAll, string[] Teams)
{
    public static readonly string[] SeeAllRoles = [Roles.Admin, Roles.Compliance, Roles.BureauLiaison, Roles.Management, Roles.Console];

    /// <summary>
    /// The condition on an order aliased <c>o</c>; its parameters come from <see cref="With"/>. It is written out
    /// for the caller's kind (no condition for those who see all, an indexed task look-up for the others) so
    /// that the planner plans each kind for what it is.
    /// </summary>
    public string Condition => SeesAll ? "true" : "exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any(@visibleTeams))";

    /// <summary>
    /// <see cref="Condition"/> as a look-up per order in review_tasks_order_team (a subquery the planner cannot turn into
    /// a join), for a count that stops at a cap: the orders are checked one by one until the cap, where a join let the
    /// planner hash every task of the teams however few orders were counted.
    /// </summary>
    public string ConditionPerOrder => SeesAll ? "true" : "(select true from review_tasks v where v.order_id = o.id and v.team = any(@visibleTeams) limit 1)";

    /// <summary>The parameters of <see cref="Condition"/> added to a query's own.</summary>
    public DynamicParameters With(object parameters)
    {
        var all = new DynamicParameters(parameters);
        all.AddDynamicParams(new { visibleTeams = Teams });
        return all;
    }

    public static async Task<OrderVisibility> ForAsync(ClaimsPrincipal user, NpgsqlConnection connection, CancellationToken ct) =>
        SeeAllRoles.Any(user.IsInRole)
            ? new(true, [])
            : new(false, [.. (await TaskWorkers.AccessAsync(user, connection, ct)).Teams]);

    public async Task<bool> CanSeeAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct) =>
        SeesAll || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"select exists (select 1 from filing_orders o where o.id = @orderId and {Condition})",
            With(new { orderId }), cancellationToken: ct));
}
