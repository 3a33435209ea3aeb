namespace Backoffice.Workflows.Expressions;

/// <summary>Why an expression could not give a result.</summary>
public enum ExpressionFailure
{
    Syntax,
    ScriptError,
    Timeout,
    StatementLimit,
    MemoryLimit,
    RecursionLimit,
    NotBoolean,
    NotJson,
    InvalidInput,
}

/// <summary>An expression failed; <see cref="Failure"/> says why and the message says it to a person.</summary>
public sealed class ExpressionException(ExpressionFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public ExpressionFailure Failure { get; } = failure;
}
