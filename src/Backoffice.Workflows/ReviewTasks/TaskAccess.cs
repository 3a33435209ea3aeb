using Dapper;
using Npgsql;

namespace Backoffice.Workflows.ReviewTasks;

/// <summary>Who may see and act on a team's tasks: its members; its leads and admins may also reassign.</summary>
public sealed record TaskAccess(string Username, IReadOnlySet<string> Teams, IReadOnlySet<string> LeadOf, bool IsAdmin)
{
    public bool CanWork(string team) => IsAdmin || Teams.Contains(team);

    public bool CanReassign(string team) => IsAdmin || LeadOf.Contains(team);

    /// <summary>The worker's teams; he leads those he is a lead member of when he signs in with the team-lead role.</summary>
    public static async Task<TaskAccess> ForAsync(TaskWorker worker, NpgsqlConnection connection, CancellationToken ct)
    {
        var memberships = (await connection.QueryAsync<(string Team, bool IsLead)>(new CommandDefinition(
            "select m.team_id, m.is_lead from team_members m join users u on u.id = m.user_id where u.username = @username",
            new { username = worker.Username }, cancellationToken: ct))).AsList();
        return new TaskAccess(
            worker.Username,
            memberships.Select(m => m.Team).ToHashSet(),
            memberships.Where(m => m.IsLead && worker.IsTeamLead).Select(m => m.Team).ToHashSet(),
            worker.IsAdmin);
    }
}

/// <summary>The signed-in staff member acting on tasks, as his roles describe him.</summary>
public sealed record TaskWorker(string Username, bool IsAdmin, bool IsTeamLead);
