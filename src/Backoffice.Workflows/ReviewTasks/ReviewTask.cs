namespace Backoffice.Workflows.ReviewTasks;

/// <summary>A reviewer's work item: the human-task bookmark of an order's instance.</summary>
public sealed record ReviewTask
{
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public Guid BookmarkId { get; init; }
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string ActivityId { get; init; } = "";
    public string Step { get; init; } = "";
    public string Team { get; init; } = "";
    public string[] Outcomes { get; init; } = [];
    public string? Assignee { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string? Outcome { get; init; }
    public string[] ReasonCodes { get; init; } = [];
    public string? Comment { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int RowVersion { get; init; }

    /// <summary>The definition version the task's instance runs (db/0120: moved with the instance by a migration).</summary>
    public string DefinitionId { get; init; } = "";

    public int DefinitionVersion { get; init; }

    /// <summary>The authenticity-form checks of the province rules the task's instance started under.</summary>
    public string[] AuthenticityChecks { get; init; } = [];
}
