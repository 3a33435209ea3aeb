using Backoffice.Workflows.Labels;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Definitions;

/// <summary>The names change descriptions show for teams, return reasons and processes, read from the database in one language.</summary>
public static class ChangeLabels
{
    private sealed record Named(string Id, string Name);

    public static async Task<LabelContext> LoadAsync(NpgsqlConnection connection, bool english, CancellationToken ct)
    {
        using var lists = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            select id, name from teams;
            select code as id, {(english ? "label_en" : "label_zh")} as name from reason_codes;
            select id, name from workflow_definitions;
            """, cancellationToken: ct));
        var teams = (await lists.ReadAsync<Named>()).ToDictionary(n => n.Id, n => LabelCatalogue.OfTeam(n.Id, n.Name, english));
        var reasons = (await lists.ReadAsync<Named>()).ToDictionary(n => n.Id, n => n.Name);
        var processes = (await lists.ReadAsync<Named>()).ToDictionary(n => n.Id, n => n.Name);
        return new LabelContext(english, teams, reasons, processes);
    }
}
