using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Backoffice.Workflows.Expressions;

/// <summary>The result of compiling an expression: valid, or the syntax errors with their positions.</summary>
public sealed record ExpressionCheck(bool IsValid, IReadOnlyList<string> Errors);

/// <summary>A decision expression failed: syntax, a limit, a script error, or a non-boolean condition.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// JavaScript decisions over the order, evaluated with Jint in a sandbox as Elsa does: strict mode,
/// time, statement, memory and recursion limits, and no access to .NET. The order and the instance
/// variables are plain JSON values (globals <c>order</c> and <c>variables</c>).
/// </summary>
public static class ExpressionSandbox
{
    public static ExpressionCheck Compile(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return new ExpressionCheck(false, ["表达式为空 / the expression is empty"]);
        }

        try
        {
            Engine.PrepareScript(expression, strict: true);
            return new ExpressionCheck(true, []);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ExpressionCheck(false, [ex.Message]);
        }
    }

    public static bool EvaluateCondition(string expression, string orderJson, string? variablesJson = null)
    {
        var result = Evaluate(expression, orderJson, variablesJson);
        return result is JsonValue value && value.TryGetValue<bool>(out var verdict)
            ? verdict
            : throw new ExpressionException($"条件须返回 true 或 false / the condition must return true or false, got: {result?.ToJsonString() ?? "undefined"}");
    }

    public static JsonNode? Evaluate(string expression, string orderJson, string? variablesJson = null)
    {
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(TimeSpan.FromMilliseconds(200))
            .MaxStatements(10_000)
            .LimitMemory(4_000_000)
            .LimitRecursion(64));
        try
        {
            var parser = new JsonParser(engine);
            engine.SetValue("order", parser.Parse(orderJson));
            engine.SetValue("variables", parser.Parse(variablesJson ?? "{}"));
            var result = engine.Evaluate(expression);
            return result.IsUndefined() ? null : JsonNode.Parse(new JsonSerializer(engine).Serialize(result).ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExpressionException($"表达式执行失败 / the expression failed: {ex.Message}", ex);
        }
    }
}
