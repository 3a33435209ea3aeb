namespace Backoffice.Web.Infrastructure;

/// <summary>Chinese by default; English when the request asks for it (?lang=en or Accept-Language: en).</summary>
public static class RequestLanguage
{
    public static bool IsEnglish(this HttpContext context)
    {
        if (context.Request.Query.TryGetValue("lang", out var lang))
        {
            return lang.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }

        var accept = context.Request.GetTypedHeaders().AcceptLanguage;
        var first = accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return first is not null && first.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}
