using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Labels;

/// <summary>
/// Return reasons are data (the catalogue of /admin/reasons, retired ones included so past returns keep
/// their label): their labels are read from the database, never copied into <see cref="LabelCatalogue"/>.
/// </summary>
public sealed class ReasonLabels(IReadOnlyDictionary<string, (string Zh, string En)> labels)
{
    public static async Task<ReasonLabels> LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        new((await connection.QueryAsync<(string Code, string Zh, string En)>(new CommandDefinition(
            "select code, label_zh, label_en from reason_codes", cancellationToken: ct))).ToDictionary(r => r.Code, r => (r.Zh, r.En)));

    public IReadOnlyDictionary<string, (string Zh, string En)> All => labels;

    public string Of(string code, bool english) =>
        labels.TryGetValue(code, out var label) ? english ? label.En : label.Zh : code;

    public string Join(IEnumerable<string> codes, bool english) => string.Join(english ? "; " : "；", codes.Select(c => Of(c, english)));
}
