using System.Text.Json;
using Backoffice.Workflows.ProvinceRules;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.ProvinceRules;

/// <summary>The rules' versions with their audit rows (who saved, when, why, which provinces changed), newest first.</summary>
public static class ProvinceRulesHistory
{
    public sealed record Entry(int Version, string SavedBy, DateTimeOffset SavedAt, string Note, string? AuditActor, DateTimeOffset? AuditAt, IReadOnlyList<string> ChangedProvinces);

    private sealed record Row
    {
        public int Version { get; init; }
        public string SavedBy { get; init; } = "";
        public DateTimeOffset SavedAt { get; init; }
        public string Note { get; init; } = "";
        public string? AuditActor { get; init; }
        public DateTimeOffset? AuditAt { get; init; }
        public string? Details { get; init; }
    }

    public static async Task<IReadOnlyList<Entry>> LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select v.version, v.saved_by, v.saved_at, v.note, a.actor as audit_actor, a.at as audit_at, a.details::text as details
            from province_rule_versions v
            left join audit_log a on a.entity_type = @entity and a.action = 'province-rules-saved' and a.entity_id = v.version::text
            order by v.version desc limit 200
            """, new { entity = ProvinceRuleStore.AuditEntity }, cancellationToken: ct)))
            .Select(r => new Entry(r.Version, r.SavedBy, r.SavedAt, r.Note, r.AuditActor, r.AuditAt, Changed(r.Details)))];

    private static IReadOnlyList<string> Changed(string? details)
    {
        if (details is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(details);
        return document.RootElement.TryGetProperty("changedProvinces", out var changed) && changed.ValueKind == JsonValueKind.Array
            ? [.. changed.EnumerateArray().Select(c => c.GetString() ?? "")]
            : [];
    }
}
