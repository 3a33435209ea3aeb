using static Backoffice.Web.Infrastructure.OpenApiDocument;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Audit;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>POST /api/tokens (sign in) and DELETE /api/tokens/current (sign out).</summary>
public static class TokensApi
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, string[] Roles);

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Auth");
        group.MapPost("/", IssueAsync).AllowAnonymous().Accepts<TokenRequest>(Json)
            .Produces<TokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapDelete("/current", RevokeAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, SignIn signIn, SignInLimits limits, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<BackofficeOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (!await limits.TryTakeAsync(context, body!.Username))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: context.IsEnglish() ? "Too many sign-in attempts; try again in a minute." : "登录尝试过于频繁，请一分钟后再试。");
        }

        var user = string.IsNullOrEmpty(body!.Username) || string.IsNullOrEmpty(body.Password) || body.Username.Length > 100 || body.Password.Length > 200
            ? null
            : await signIn.CheckAsync(body.Username, body.Password, context.RequestAborted);
        if (user is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: context.IsEnglish()
                    ? "Wrong username or password, or the account is temporarily locked."
                    : "用户名或密码错误，或账户已被暂时锁定。");
        }

        var now = clock.GetUtcNow();
        var (token, expiresAt) = await StoreAsync(dataSource, user.Id, now, now + options.Value.TokenLifetime, null, context.RequestAborted);
        return Results.Ok(new TokenResponse(token, expiresAt, user.Roles));
    }

    /// <summary>
    /// A new bearer token of a user, valid until <paramref name="expiresAt"/>; only its hash is stored.
    /// A token handed to a page (<paramref name="issuedTo"/>) belongs to the page's cookie session, which revokes it
    /// when it signs out, and is audited; a sign-in's token is covered by the sign-in's audit row.
    /// </summary>
    public static async Task<(string Token, DateTimeOffset ExpiresAt)> StoreAsync(
        NpgsqlDataSource dataSource, long userId, DateTimeOffset now, DateTimeOffset expiresAt, (string Actor, string Page, Guid Session)? issuedTo,
        CancellationToken ct)
    {
        var token = TokenHash.NewToken();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into api_tokens (token_hash, user_id, created_at, expires_at, staff_session) values (@hash, @userId, @now, @expiresAt, @session)",
            new { hash = TokenHash.Of(token), userId, now, expiresAt, session = issuedTo?.Session }, transaction, cancellationToken: ct));
        if (issuedTo is { } page)
        {
            await AuditLog.WriteAsync(connection, transaction, now, page.Actor, "api-token-issued", "user", page.Actor, new { page = page.Page, expiresAt }, ct);
        }

        await transaction.CommitAsync(ct);
        return (token, expiresAt);
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        await connection.ExecuteAsync(new CommandDefinition(
            "update api_tokens set revoked_at = @now where token_hash = @hash and revoked_at is null",
            new { now, hash = TokenHash.Of(token) }, transaction, cancellationToken: context.RequestAborted));
        var actor = context.Name();
        await AuditLog.WriteAsync(connection, transaction, now, actor, "sign-out", "user", actor, null, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        return Results.NoContent();
    }
}
