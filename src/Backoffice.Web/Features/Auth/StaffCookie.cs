using System.Globalization;
using System.Security.Claims;
using Backoffice.Workflows;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// Authentication of the staff pages: a cookie, while <c>/api</c> keeps bearer tokens. The default
/// scheme is a policy scheme choosing by path, so every policy works for both. The cookie's user is
/// checked against the database on each request: a deactivated user is signed out at once, changed
/// roles apply at once. Each sign-in is a session with its own id (<see cref="SessionClaim"/>): the API tokens
/// handed to pages of that session are revoked when it signs out.
/// </summary>
public static class StaffCookie
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Selector = "staff-or-bearer";
    public const string DisplayNameClaim = "backoffice:display-name";
    public const string SessionClaim = "backoffice:session";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? BearerTokenHandler.SchemeName : Scheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = "backoffice.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/denied";
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateAsync;
            });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<BackofficeOptions>>((o, backoffice) => o.ExpireTimeSpan = backoffice.Value.TokenLifetime);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "backoffice.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>The cookie's user; a sign-in starts a new session, a refreshed principal keeps its session.</summary>
    public static ClaimsPrincipal Principal(SignIn.SignedInUser user, Guid? session = null)
    {
        var claims = new List<Claim>
        {
            new(BearerTokenHandler.UserIdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Username),
            new(DisplayNameClaim, user.DisplayName),
            new(SessionClaim, (session ?? Guid.NewGuid()).ToString()),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(BearerTokenHandler.UserIdClaim);
        if (id is null)
        {
            context.RejectPrincipal();
            return;
        }

        var dataSource = context.HttpContext.RequestServices.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(context.HttpContext.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "select id, username, display_name, roles from users where id = @id and active",
            new { id = long.Parse(id, CultureInfo.InvariantCulture) }, cancellationToken: context.HttpContext.RequestAborted));
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        var roles = context.Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).Order();
        var session = Session(context.Principal);
        if (!roles.SequenceEqual(user.Roles.Order()) || context.Principal.FindFirstValue(DisplayNameClaim) != user.DisplayName || session is null)
        {
            context.ReplacePrincipal(Principal(new SignIn.SignedInUser(user.Id, user.Username, user.DisplayName, user.Roles), session));
            context.ShouldRenew = true;
        }
    }

    /// <summary>The session id of a cookie's principal; null for a cookie from before sessions had ids.</summary>
    public static Guid? Session(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var session) ? session : null;

    private sealed record UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
    }
}
