namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Chinese by default; English when the request asks for it: ?lang=en, the language cookie set by the
/// staff pages' switch, or (API only) Accept-Language: en. Pages ignore the browser's language.
/// </summary>
public static class RequestLanguage
{
    public const string Cookie = "backoffice.lang";

    public static bool IsEnglish(this HttpContext context)
    {
        if (context.Request.Query.TryGetValue("lang", out var lang))
        {
            return lang.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }

        if (context.Request.Cookies.TryGetValue(Cookie, out var chosen))
        {
            return chosen == "en";
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var accept = context.Request.GetTypedHeaders().AcceptLanguage;
        var first = accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return first is not null && first.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>The text in the request's language: <c>@Context.T("收件箱", "Inbox")</c> in pages.</summary>
    public static string T(this HttpContext context, string zh, string en) => context.IsEnglish() ? en : zh;
}
