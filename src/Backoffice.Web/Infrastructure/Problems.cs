using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Infrastructure;

/// <summary>RFC 9457 problem responses in the shapes docs/API.md promises.</summary>
public static class Problems
{
    public static IResult Validation(HttpContext context, ValidationErrors errors)
    {
        var english = context.IsEnglish();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: english ? "The request has invalid fields." : "请求中有字段不符合要求。",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.ToDictionary(english),
                ["errorCodes"] = errors.ToCodes(),
            });
    }

    public static IResult Field(HttpContext context, string path, string code, params object[] args)
    {
        var errors = new ValidationErrors();
        errors.Add(path, code, args);
        return Validation(context, errors);
    }

    public static IResult Conflict(HttpContext context, string code, string detail, object? extra = null) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: context.IsEnglish() ? "The request conflicts with the current state." : "请求与当前状态冲突。",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["context"] = extra });

    public static IResult NotFound(HttpContext context) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: context.IsEnglish() ? "Not found." : "未找到。");
}
