using System.Globalization;
using System.Net;
using System.Security.Claims;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Infrastructure;
using Npgsql;

namespace Backoffice.Web.Features.Designer;

/// <summary>
/// GET /designer: the workflow designer page for compliance managers. It hosts the React app built
/// from src/Backoffice.Web/Designer into wwwroot/build/designer and hands it a bearer token of the
/// signed-in user for the API, valid for the page's working session.
/// </summary>
public static class DesignerPage
{
    public const string Path = "/designer";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(4);

    public static IEndpointRouteBuilder MapDesignerPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, RenderAsync).RequireAuthorization(Policies.Compliance).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var userId = long.Parse(context.User.FindFirstValue(BearerTokenHandler.UserIdClaim)!, CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        var (token, _) = await TokensApi.StoreAsync(dataSource, userId, now, now + TokenLifetime, context.RequestAborted);
        var english = context.IsEnglish();
        var definition = WebUtility.HtmlEncode(context.Request.Query["id"].ToString());
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="{(english ? "en" : "zh-CN")}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{(english ? "Workflow designer" : "流程设计器")} · Backoffice</title>
              <link rel="stylesheet" href="/build/designer/designer.css">
            </head>
            <body style="margin:0">
              <div id="designer" data-token="{WebUtility.HtmlEncode(token)}" data-definition="{definition}"></div>
              <script type="module" src="/build/designer/designer.js"></script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }
}
