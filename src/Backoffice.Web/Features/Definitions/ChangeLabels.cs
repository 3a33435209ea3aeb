using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Labels;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>The names change descriptions show for teams, return reasons and processes, read from the database in one language.</summary>
public static class ChangeLabels
{
    private sealed record Named(string Id, string Name);

    /// <summary>The diff's lists with a description on each item, and every description in reading order.</summary>
    public sealed record DescribedDiff(object Diff, IReadOnlyList<DescribedChange> Changes);

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

    /// <summary>The diff between two versions with a business-language description on each change, as GET .../diff answers it.</summary>
    public static DescribedDiff Describe(WorkflowDefinition from, WorkflowDefinition to, LabelContext labels)
    {
        var diff = DefinitionDiff.Between(from, to);
        var text = new ChangeDescriptions(from, to, labels);
        return new DescribedDiff(
            new
            {
                diff.AddedActivities,
                diff.RemovedActivities,
                changedActivities = diff.ChangedActivities.Select(c => new { c.Id, c.Fields, description = text.Changed(c) }),
                addedConnections = diff.AddedConnections.Select(c => new { c.Source, c.Outcome, c.Target, description = text.Connection(c, added: true) }),
                removedConnections = diff.RemovedConnections.Select(c => new { c.Source, c.Outcome, c.Target, description = text.Connection(c, added: false) }),
                diff.StartChanged,
            },
            text.All(diff));
    }
}
