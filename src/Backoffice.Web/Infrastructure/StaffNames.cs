using Dapper;
using Npgsql;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// People as pages show them: a user's display name, never the login; the machine actors (the console,
/// the bureau simulator, the SLA sweep) by what they are.
/// </summary>
public sealed class StaffNames(IReadOnlyDictionary<string, string> names)
{
    public static readonly StaffNames None = new(new Dictionary<string, string>());

    /// <summary>The display names of the given logins, in one query.</summary>
    public static async Task<StaffNames> LoadAsync(NpgsqlConnection connection, IEnumerable<string?> usernames, CancellationToken ct)
    {
        var wanted = usernames.OfType<string>().Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return None;
        }

        var rows = await connection.QueryAsync<(string Username, string DisplayName)>(new CommandDefinition(
            "select username, display_name from users where username = any(@wanted)", new { wanted }, cancellationToken: ct));
        return new StaffNames(rows.ToDictionary(r => r.Username, r => r.DisplayName));
    }

    public string Of(string? username, bool english) =>
        username is null ? "" : names.TryGetValue(username, out var name) ? name : Machine(username, english);

    private static string Machine(string actor, bool english) => actor switch
    {
        "console" => english ? "Applicant (console)" : "申请人（控制台）",
        "bureau-simulator" => english ? "Bureau (simulator)" : "管局（模拟）",
        "simulator" => english ? "Registry (simulator)" : "备案库（模拟）",
        "sla-sweep" or "system" => english ? "System" : "系统",
        _ => actor,
    };
}
