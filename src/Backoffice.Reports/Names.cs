using Dapper;
using Npgsql;

namespace Backoffice.Reports;

/// <summary>
/// The names a report shows for the ids it reads: teams by their labels in the workbook's language (a
/// team the label catalogue does not know by its name in the database) and staff by their display names
/// (a user name no account has stays as it is).
/// </summary>
public sealed class Names
{
    private readonly Dictionary<string, string> _teams;
    private readonly Dictionary<string, string> _users;

    private Names(Dictionary<string, string> teams, Dictionary<string, string> users)
    {
        _teams = teams;
        _users = users;
    }

    public static async Task<Names> LoadAsync(NpgsqlConnection connection, ReportParameters p, CancellationToken ct)
    {
        var teams = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "select id, name from teams", cancellationToken: ct));
        var users = await connection.QueryAsync<(string Username, string DisplayName)>(new CommandDefinition(
            "select username, display_name from users", cancellationToken: ct));
        return new Names(
            teams.ToDictionary(t => t.Id, t => Workflows.Labels.LabelCatalogue.OfTeam(t.Id, t.Name, p.English)),
            users.ToDictionary(u => u.Username, u => u.DisplayName));
    }

    public string Team(string id) => _teams.GetValueOrDefault(id, id);

    public string? User(string? username) => username is null ? null : _users.GetValueOrDefault(username, username);
}
