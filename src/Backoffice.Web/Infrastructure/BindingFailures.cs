using System.Text.RegularExpressions;
using Backoffice.Workflows.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// A route, query, header or body value that does not parse as its parameter's type is the client's error: a 400
/// problem with the parameter's name in <c>errors</c> and <c>errorCodes</c>, logged at Information, never a 500.
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for these (ThrowOnBadRequest is on in every environment,
/// so the answer is the same in Development and production).
/// </summary>
public sealed partial class BindingFailures(ILogger<BindingFailures> logger) : IExceptionHandler
{
    public static void Configure(IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingFailures>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }

        var (name, code, args) = Describe(bad);
        logger.LogInformation("Refused {Method} {Path}: {Parameter} {Code}", context.Request.Method, context.Request.Path, name, code);
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            context.Response.StatusCode = bad.StatusCode;
            await Results.Problem(statusCode: bad.StatusCode).ExecuteAsync(context);
            return true;
        }

        var errors = new ValidationErrors();
        errors.Add(name, code, args);
        await Problems.Validation(context, errors).ExecuteAsync(context);
        return true;
    }

    /// <summary>The parameter and the code from the framework's message, e.g. <c>Failed to bind parameter "int page" from "abc".</c></summary>
    private static (string Name, string Code, object[] Args) Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        var parameter = ParameterPattern().Match(message);
        var name = parameter.Success ? parameter.Groups["name"].Value : "body";
        var type = parameter.Success ? TypeName(parameter.Groups["type"].Value) : "JSON";
        if (message.StartsWith("Required parameter", StringComparison.Ordinal) || message.StartsWith("Implicit body", StringComparison.Ordinal))
        {
            return (name, "required", []);
        }

        if (message.Contains("request body", StringComparison.Ordinal) || message.Contains("media type", StringComparison.Ordinal))
        {
            return ("body", "malformed-json", [name]);
        }

        return (name, "value-unparsable", [type]);
    }

    private static string TypeName(string clr) => clr.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "integer",
        "bool" or "Boolean" => "true/false",
        "Guid" => "UUID",
        "DateOnly" => "yyyy-MM-dd",
        "DateTimeOffset" or "DateTime" => "ISO 8601",
        "decimal" or "double" => "number",
        var other => other,
    };

    [GeneratedRegex("parameter \"(?<type>[^\"]*?) ?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterPattern();
}
