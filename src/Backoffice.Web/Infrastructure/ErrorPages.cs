namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Errors as their asker reads them: a person's browser (Accept: text/html, outside /api) gets the
/// 403, 404 or 500 page in the app's layout (/error/{code}); the API and every other client keep
/// problem details. An order one may not see answers the same 404 page as one that does not exist.
/// </summary>
public static class ErrorPages
{
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseWhen(IsBrowser, branch => branch.UseExceptionHandler("/error/500").UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(context => !IsBrowser(context), branch => branch.UseExceptionHandler().UseStatusCodePages());

        // Routing after the error pages, so that a re-executed request is routed to its error page.
        app.UseRouting();
        return app;
    }

    private static bool IsBrowser(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api")
        && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
