using System.Text.Json;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Audit;

/// <summary>A row of the audit log: who did what to which entity, with its details as JSON. A step's rows go out as one multi-row insert.</summary>
public sealed record AppendAudit(DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, object? Details) : EngineWrite
{
    private static readonly RowTable Rows = new("audit_log",
        ("at", "timestamptz", typeof(DateTimeOffset)), ("actor", "text", typeof(string)), ("action", "text", typeof(string)),
        ("entity_type", "text", typeof(string)), ("entity_id", "text", typeof(string)), ("details", "jsonb", typeof(string)));

    internal override void AddTo(DeferredWrites writes) =>
        writes.AddRow(Rows, At, Actor, Action, EntityType, EntityId, JsonSerializer.Serialize(Details ?? new { }));
}
