using Dapper;
using Npgsql;

namespace Backoffice.Reports;

/// <summary>
/// The names a report shows for the ids it reads: teams in the workbook's language (the Chinese name
/// when a team has no English one) and staff by their display names (a user name no account has stays
/// as it is).
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
        var teams = await connection.QueryAsync<(string Id, string Name, string? NameEn)>(new CommandDefinition(
            "select id, name, name_en from teams", cancellationToken: ct));
        var users = await connection.QueryAsync<(string Username, string DisplayName)>(new CommandDefinition(
            "select username, display_name from users", cancellationToken: ct));
        return new Names(
            teams.ToDictionary(t => t.Id, t => p.English ? t.NameEn ?? t.Name : t.Name),
            users.ToDictionary(u => u.Username, u => u.DisplayName));
    }

    public string Team(string id) => _teams.GetValueOrDefault(id, id);

    public string? User(string? username) => username is null ? null : _users.GetValueOrDefault(username, username);
}
