using System.Net;
using Backoffice.Web.Features.Demo;
using Backoffice.Web.Features.TestMode;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// /console in test mode: the reference console (src/Backoffice.Web/ReferenceConsole, built by Vite into
/// wwwroot/build/console), an applicant's way through a filing over the API only. The page carries the published test
/// console key (<see cref="DemoAccounts.ConsoleKey"/>) for the script to send as its bearer token: never a configured
/// key, and outside test mode the page is 404, so no console key leaves the server (docs/CONSOLE.md).
/// </summary>
public static class ReferenceConsolePage
{
    private static readonly string Page =
        $"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="console-key" content="{WebUtility.HtmlEncode(DemoAccounts.ConsoleKey)}">
        <title>ICP 备案 · 示例控制台</title>
        <link rel="stylesheet" href="/build/console/console.css">
        <script type="module" src="/build/console/console.js"></script>
        </head>
        <body><div id="root"></div></body>
        </html>
        """;

    public static IEndpointRouteBuilder MapReferenceConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console", Serve).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context)
    {
        if (!TestModeApi.IsOn(context))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(Page, "text/html; charset=utf-8");
    }
}
