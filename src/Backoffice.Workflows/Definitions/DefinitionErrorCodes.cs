namespace Backoffice.Workflows.Definitions;

/// <summary>The stable codes of <see cref="DefinitionError"/>: every kind of problem that keeps a definition from being published.</summary>
public static class DefinitionErrorCodes
{
    public const string DuplicateId = "duplicate-id";
    public const string UnknownType = "unknown-type";
    public const string PropertyRequired = "property-required";
    public const string PropertyInvalid = "property-invalid";
    public const string PropertyUnknown = "property-unknown";
    public const string ExpressionInvalid = "expression-invalid";
    public const string ReasonUnknown = "reason-unknown";
    public const string StartMissing = "start-missing";
    public const string ConnectionSourceMissing = "connection-source-missing";
    public const string ConnectionTargetMissing = "connection-target-missing";
    public const string UnknownOutcome = "unknown-outcome";
    public const string DanglingOutcome = "dangling-outcome";
    public const string JoinNeedsTwo = "join-needs-two";
    public const string Unreachable = "unreachable";
    public const string BlockingFreeCycle = "blocking-free-cycle";
}
