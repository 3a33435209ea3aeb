using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Backoffice.Workflows.Clock;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Backoffice.Workflows.Expressions;

/// <summary>
/// JavaScript decisions over the order, evaluated with Jint in a sandbox as Elsa does: strict mode,
/// limits on time (regular expressions included), statements, memory and call depth, and no access
/// to .NET. The order and the instance variables are plain JSON values, the globals <c>order</c> and
/// <c>variables</c>; dates read in China time. Every failure is an <see cref="ExpressionException"/>.
/// </summary>
public static class ExpressionSandbox
{
    private const int MaxStatements = 10_000;
    private const int MaxCallDepth = 64;
    private const long MemoryLimitBytes = 4 * 1024 * 1024;
    private const int MaxPrepared = 1_000;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(200);

    /// <summary>Parsed expressions, reused by every run (a prepared script is immutable); published definitions have few.</summary>
    private static readonly ConcurrentDictionary<string, Prepared<Script>> PreparedScripts = new(StringComparer.Ordinal);

    /// <summary>Parses without running: the syntax errors, or none.</summary>
    public static ExpressionCheck Compile(string expression) =>
        Parse(expression, out _) is { } error ? new ExpressionCheck([error]) : new ExpressionCheck([]);

    /// <summary>Runs a condition; its result must be <c>true</c> or <c>false</c>.</summary>
    public static bool EvaluateCondition(string expression, string orderJson, string? variablesJson = null) =>
        Run(expression, orderJson, variablesJson, (_, result) => result.IsBoolean()
            ? result.AsBoolean()
            : throw new ExpressionException(ExpressionFailure.NotBoolean,
                $"条件须返回 true 或 false / the condition must return true or false, not a value of type {result.Type}"));

    /// <summary>Runs an expression and gives its result as JSON; <c>undefined</c> and <c>null</c> give null.</summary>
    public static JsonNode? Evaluate(string expression, string orderJson, string? variablesJson = null) =>
        Run(expression, orderJson, variablesJson, ToJson);

    private static T Run<T>(string expression, string orderJson, string? variablesJson, Func<Engine, JsValue, T> read)
    {
        if (!PreparedScripts.TryGetValue(expression, out var script))
        {
            if (Parse(expression, out script) is { } error)
            {
                throw new ExpressionException(ExpressionFailure.Syntax, $"表达式语法错误 / syntax error at {error}");
            }

            if (PreparedScripts.Count < MaxPrepared)
            {
                PreparedScripts.TryAdd(expression, script);
            }
        }

        using var engine = new Engine(options => options
            .Strict()
            .LocalTimeZone(ChinaTime.Zone)
            .TimeoutInterval(TimeLimit)
            .RegexTimeoutInterval(TimeLimit)
            .MaxStatements(MaxStatements)
            .LimitMemory(MemoryLimitBytes)
            .LimitRecursion(MaxCallDepth));
        engine.SetValue("order", ParseObject(engine, orderJson, "order"));
        engine.SetValue("variables", ParseObject(engine, variablesJson ?? "{}", "variables"));
        try
        {
            return read(engine, engine.Evaluate(script));
        }
        catch (Exception ex) when (ex is JintException or TimeoutException)
        {
            throw Explain(ex);
        }
    }

    private static ExpressionError? Parse(string expression, out Prepared<Script> script)
    {
        script = default;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return new ExpressionError(1, 1, "表达式为空 / the expression is empty");
        }

        try
        {
            script = Engine.PrepareScript(expression, strict: true);
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return ex.InnerException is ParseErrorException parse
                ? new ExpressionError(parse.LineNumber, parse.Column + 1, parse.Description)
                : new ExpressionError(1, 1, ex.Message);
        }
    }

    private static JsValue ParseObject(Engine engine, string json, string name)
    {
        JsValue value;
        try
        {
            value = new JsonParser(engine).Parse(json);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(ExpressionFailure.InvalidInput, $"{name} 不是合法的 JSON / {name} is not valid JSON: {ex.Message}", ex);
        }

        return value.IsObject() && !value.IsArray()
            ? value
            : throw new ExpressionException(ExpressionFailure.InvalidInput, $"{name} 须为 JSON 对象 / {name} must be a JSON object");
    }

    private static JsonNode? ToJson(Engine engine, JsValue result)
    {
        if (result.IsUndefined() || result.IsNull())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(result);
        return json.IsString()
            ? JsonNode.Parse(json.AsString())
            : throw new ExpressionException(ExpressionFailure.NotJson, $"结果无法表示为 JSON / a value of type {result.Type} has no JSON form");
    }

    private static ExpressionException Explain(Exception ex) => ex switch
    {
        TimeoutException => new(ExpressionFailure.Timeout,
            $"表达式运行超过 {TimeLimit.TotalMilliseconds} 毫秒 / the expression ran longer than {TimeLimit.TotalMilliseconds} ms", ex),
        StatementsCountOverflowException => new(ExpressionFailure.StatementLimit,
            $"表达式执行超过 {MaxStatements} 条语句 / the expression ran more than {MaxStatements} statements", ex),
        MemoryLimitExceededException => new(ExpressionFailure.MemoryLimit,
            $"表达式占用内存超过 {MemoryLimitBytes / 1024 / 1024} MB / the expression allocated more than {MemoryLimitBytes / 1024 / 1024} MB", ex),
        RecursionDepthOverflowException => new(ExpressionFailure.RecursionLimit,
            $"表达式调用嵌套超过 {MaxCallDepth} 层 / the expression nested calls deeper than {MaxCallDepth}", ex),
        JavaScriptException { Location.Start.Line: > 0 } script => new(ExpressionFailure.ScriptError,
            $"表达式执行出错 / the expression failed at {script.Location.Start.Line}:{script.Location.Start.Column + 1}: {script.Message}", ex),
        _ => new(ExpressionFailure.ScriptError, $"表达式执行出错 / the expression failed: {ex.Message}", ex),
    };
}
