using System.Text.Json;
using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.ProvinceRules;

/// <summary>A saved version of the rules (version 0: the shipped defaults, never saved).</summary>
public sealed record ProvinceRulesVersion(int Version, string? SavedBy, DateTimeOffset? SavedAt, string? Note, ProvinceRuleSet Rules);

/// <summary>One line of the rules' history.</summary>
public sealed record ProvinceRulesStamp
{
    public int Version { get; init; }
    public string SavedBy { get; init; } = "";
    public DateTimeOffset SavedAt { get; init; }
    public string Note { get; init; } = "";
}

/// <summary>
/// The versions of the province rules in province_rule_versions (migration 0054): the newest is in force, each save is
/// a new version, audited in the same transaction with the provinces it changed.
/// </summary>
public static class ProvinceRuleStore
{
    public const string AuditEntity = "province-rules";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row
    {
        public int Version { get; init; }
        public string Rules { get; init; } = "";
        public string SavedBy { get; init; } = "";
        public DateTimeOffset SavedAt { get; init; }
        public string Note { get; init; } = "";
    }

    /// <summary>The rules in force: the newest version, else the shipped defaults.</summary>
    public static async Task<ProvinceRuleSet> RulesAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await CurrentAsync(connection, ct)).Rules;

    public static async Task<ProvinceRulesVersion> CurrentAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await FindAsync(connection, null, ct) ?? new ProvinceRulesVersion(0, null, null, null, ProvinceRuleDefaults.Set);

    /// <summary>A saved version (the newest when <paramref name="version"/> is null), or null.</summary>
    public static async Task<ProvinceRulesVersion?> FindAsync(NpgsqlConnection connection, int? version, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            select version, rules::text as rules, saved_by, saved_at, note from province_rule_versions
            where @version::int is null or version = @version order by version desc limit 1
            """, new { version }, cancellationToken: ct));
        return row is null ? null : new(row.Version, row.SavedBy, row.SavedAt, row.Note, JsonSerializer.Deserialize<ProvinceRuleSet>(row.Rules, Json)!);
    }

    public static async Task<IReadOnlyList<ProvinceRulesStamp>> HistoryAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<ProvinceRulesStamp>(new CommandDefinition(
            "select version, saved_by, saved_at, note from province_rule_versions order by version desc", cancellationToken: ct))).AsList();

    /// <summary>Saves <paramref name="rules"/> (already validated) as the next version and audits it; returns the version.</summary>
    public static async Task<ProvinceRulesVersion> SaveAsync(
        NpgsqlConnection connection, ProvinceRuleSet rules, string note, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("lock table province_rule_versions in exclusive mode", transaction: transaction, cancellationToken: ct));
        var before = await CurrentAsync(connection, ct);
        var version = before.Version + 1;
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into province_rule_versions (version, rules, note, saved_by, saved_at) values (@version, @rules::jsonb, @note, @actor, @now)",
            new { version, rules = JsonSerializer.Serialize(rules, Json), note, actor, now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, "province-rules-saved", AuditEntity, version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { version, note, changedProvinces = Changed(before.Rules, rules), smsWindowHours = new { from = before.Rules.SmsWindowHours, to = rules.SmsWindowHours } }, ct);
        await transaction.CommitAsync(ct);
        return new(version, actor, now, note, rules);
    }

    /// <summary>The codes of the provinces whose rule differs between two sets.</summary>
    public static IReadOnlyList<string> Changed(ProvinceRuleSet before, ProvinceRuleSet after) =>
        [.. Filings.Provinces.All.Select(p => p.Code)
            .Where(code => JsonSerializer.Serialize(before.For(code), Json) != JsonSerializer.Serialize(after.For(code), Json))];
}
