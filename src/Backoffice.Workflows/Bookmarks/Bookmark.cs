namespace Backoffice.Workflows.Bookmarks;

/// <summary>
/// A point where an instance waits: a human task, the applicant, an external event or a timer.
/// With a due time and a timeout outcome, the timer sweep resumes it when the time comes.
/// </summary>
public sealed record Bookmark
{
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public string ActivityId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? EventName { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? TimeoutOutcome { get; init; }
}

public static class BookmarkKinds
{
    public const string Task = "task";
    public const string Applicant = "applicant";
    public const string Event = "event";
    public const string Timer = "timer";
}
