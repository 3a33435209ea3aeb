using System.Security.Claims;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Board;

/// <summary>
/// The in-app notices (outbox messages on the 'staff' channel, e.g. SLA escalations to team leads)
/// the user has not read yet: the layout shows their number beside the lead board.
/// </summary>
public sealed class StaffNotices(NpgsqlDataSource dataSource)
{
    public const int Cap = 100;

    public async Task<int> UnreadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.TeamLead) && !user.IsInRole(Roles.Admin))
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::int from (select 1 from outbox_messages
                where channel = 'staff' and recipient = @username and read_at is null limit @cap) unread
            """, new { username = user.Identity?.Name, cap = Cap }, cancellationToken: ct));
    }
}
