namespace Backoffice.Workflows.Definitions;

/// <summary>One problem of a definition, tied to the activity (or connection source) it concerns.</summary>
public sealed record DefinitionError(string? ActivityId, string Code, string Message, string? Property = null);
