using System.Globalization;
using System.Security.Claims;
using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// POST /session/api-token: a short-lived bearer token for the API calls of a staff page (the designer, the reports'
/// download), asked for with the staff cookie and the page's anti-forgery token, so no token is ever written into a
/// page. It belongs to the cookie session, which revokes it on signing out, and its issue is audited.
/// </summary>
public static class PageTokens
{
    public const string Path = "/session/api-token";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public sealed record PageToken(string Token, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapPageTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync).RequireAuthorization(Policies.Staff).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, IAntiforgery antiforgery, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: context.T("页面已过期，请刷新后重试。", "The page has expired; reload it and try again."));
        }

        var user = context.User;
        var userId = long.Parse(user.FindFirstValue(BearerTokenHandler.UserIdClaim)!, CultureInfo.InvariantCulture);
        var page = context.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath
            : "";
        var now = clock.GetUtcNow();
        var (token, expiresAt) = await TokensApi.StoreAsync(
            dataSource, userId, now, now + Lifetime, (context.Name(), page, StaffCookie.Session(user)!.Value), context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new PageToken(token, expiresAt));
    }
}
