using System.Security.Claims;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>Who may see and act on a team's tasks: its members; its leads and admins may also reassign.</summary>
public sealed record TaskAccess(string Username, IReadOnlySet<string> Teams, IReadOnlySet<string> LeadOf, bool IsAdmin)
{
    public bool CanWork(string team) => IsAdmin || Teams.Contains(team);

    public bool CanReassign(string team) => IsAdmin || LeadOf.Contains(team);

    public static async Task<TaskAccess> ForAsync(ClaimsPrincipal user, NpgsqlConnection connection, CancellationToken ct)
    {
        var username = user.FindFirstValue(ClaimTypes.Name) ?? "";
        var memberships = (await connection.QueryAsync<(string Team, bool IsLead)>(new CommandDefinition(
            "select m.team_id, m.is_lead from team_members m join users u on u.id = m.user_id where u.username = @username",
            new { username }, cancellationToken: ct))).AsList();
        return new TaskAccess(
            username,
            memberships.Select(m => m.Team).ToHashSet(),
            memberships.Where(m => m.IsLead && user.IsInRole(Roles.TeamLead)).Select(m => m.Team).ToHashSet(),
            user.IsInRole(Roles.Admin));
    }
}
