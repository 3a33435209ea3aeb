using System.Security.Claims;
using System.Text.Encodings.Web;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c>: a console API key from configuration (role console), or a
/// token issued by POST /api/tokens that is neither expired nor revoked, of an active user.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource dataSource, IOptions<BackofficeOptions> backoffice, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string UserIdClaim = "backoffice:user-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed bearer token.");
        }

        if (backoffice.Value.ConsoleApiKeys.Any(key => key.Length > 0 && TokenHash.FixedTimeEquals(key, token)))
        {
            return Success("console", "console", [Roles.Console]);
        }

        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<TokenUser>(new CommandDefinition(
            """
            select u.id, u.username, u.roles from api_tokens t join users u on u.id = t.user_id
            where t.token_hash = @hash and t.revoked_at is null and t.expires_at > @now and u.active
            """,
            new { hash = TokenHash.Of(token), now = clock.GetUtcNow() }, cancellationToken: Context.RequestAborted));
        return user is null
            ? AuthenticateResult.Fail("Unknown, expired or revoked token.")
            : Success(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user.Username, user.Roles);
    }

    private AuthenticateResult Success(string id, string name, string[] roles)
    {
        var claims = new List<Claim> { new(UserIdClaim, id), new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private sealed record TokenUser
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string[] Roles { get; init; } = [];
    }
}
