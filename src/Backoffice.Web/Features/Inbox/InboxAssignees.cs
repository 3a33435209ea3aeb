using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.ReviewTasks;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>Whom a lead may hand ticked tasks to: the active members of the teams he leads, by display name.</summary>
public static class InboxAssignees
{
    public static async Task<IReadOnlyList<(string Username, string DisplayName)>> OfLeadAsync(NpgsqlConnection connection, TaskAccess access, CancellationToken ct)
    {
        if (access.LeadOf.Count == 0 && !access.IsAdmin)
        {
            return [];
        }

        return (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            """
            select distinct u.username, u.display_name from users u join team_members m on m.user_id = u.id
            where u.active and (@admin or m.team_id = any(@teams)) order by u.display_name, u.username
            """,
            new { admin = access.IsAdmin, teams = access.LeadOf.ToArray() }, cancellationToken: ct))).AsList();
    }
}
