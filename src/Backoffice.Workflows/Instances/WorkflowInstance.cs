using System.Text.Json.Nodes;

namespace Backoffice.Workflows.Instances;

/// <summary>A running (or finished) workflow of one order, pinned to its definition version.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; }
    public string DefinitionId { get; init; } = "";
    public int Version { get; init; }
    public Guid OrderId { get; init; }
    public Guid? ParentInstanceId { get; init; }
    public string Status { get; set; } = "running";
    public string? Result { get; set; }
    public JsonObject Variables { get; set; } = [];
    public int RowVersion { get; init; }
}
