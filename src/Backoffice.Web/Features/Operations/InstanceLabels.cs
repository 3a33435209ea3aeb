using Backoffice.Workflows.Definitions;
using Npgsql;

namespace Backoffice.Web.Features.Operations;

/// <summary>What the operations pages show instead of codes: instance statuses and steps by their names.</summary>
public static class InstanceLabels
{
    public static readonly IReadOnlyList<string> Statuses = ["running", "faulted", "finished", "cancelled"];

    public static string Status(string status, bool english) => status switch
    {
        "running" => english ? "Running" : "运行中",
        "faulted" => english ? "Faulted (incident)" : "出错（待处理）",
        "finished" => english ? "Finished" : "已完成",
        "cancelled" => english ? "Cancelled" : "已取消",
        _ => status,
    };

    /// <summary>The names of the steps of one version, by activity id.</summary>
    public static async Task<Func<string, string>> StepsAsync(NpgsqlConnection connection, DefinitionStore store, string definitionId, int version, CancellationToken ct)
    {
        var definition = await store.FindVersionAsync(connection, definitionId, version, ct);
        return id => definition?.Find(id)?.Name ?? id;
    }
}
