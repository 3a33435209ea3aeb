namespace Backoffice.Workflows.Expressions;

/// <summary>A problem in an expression at a 1-based line and column.</summary>
public sealed record ExpressionError(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column} {Message}";
}

/// <summary>The result of compiling an expression: valid when it has no errors.</summary>
public sealed record ExpressionCheck(IReadOnlyList<ExpressionError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
