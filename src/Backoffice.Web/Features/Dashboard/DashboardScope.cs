using System.Security.Claims;
using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Dashboard;

/// <summary>
/// Whose figures a reader of the dashboard sees. Management and admins see the whole desk, or the one team they
/// ask for; a team lead sees the teams he leads, or the one of them he asks for. A team the lead does not lead is
/// answered as not found (as an order the caller may not see); a team that does not exist is a field error.
/// </summary>
public sealed record DashboardScope(IReadOnlyList<string>? Teams, bool NotFound, IReadOnlyList<(string Id, string Name)> Choices)
{
    /// <summary>Management and admins see every team; anyone else the policy lets in is a lead.</summary>
    public static bool SeesWholeDesk(ClaimsPrincipal user) => user.IsInRole(Roles.Management) || user.IsInRole(Roles.Admin);

    public static async Task<DashboardScope> ForAsync(
        ClaimsPrincipal user, NpgsqlConnection connection, string? team, bool english, ValidationErrors errors, CancellationToken ct)
    {
        var teams = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "select id, name from teams order by id", cancellationToken: ct))).ToList();
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (SeesWholeDesk(user))
        {
            var all = teams.Select(t => (t.Id, LabelCatalogue.OfTeam(t.Id, t.Name, english))).ToList();
            if (team is not null && !teams.Exists(t => t.Id == team))
            {
                errors.Add("team", "invalid-choice", string.Join(", ", teams.Select(t => t.Id)));
            }

            return new DashboardScope(team is null ? null : [team], false, all);
        }

        var leadOf = (await TaskWorkers.AccessAsync(user, connection, ct)).LeadOf;
        var choices = teams.Where(t => leadOf.Contains(t.Id)).Select(t => (t.Id, LabelCatalogue.OfTeam(t.Id, t.Name, english))).ToList();
        if (team is not null && !leadOf.Contains(team))
        {
            return new DashboardScope([], true, choices);
        }

        return new DashboardScope(team is null ? [.. choices.Select(c => c.Id)] : [team], false, choices);
    }
}
