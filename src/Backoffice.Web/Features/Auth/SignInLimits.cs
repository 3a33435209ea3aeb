using Backoffice.Workflows;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// The brake on guessing passwords, besides the lock-out: credential submissions (POST /api/tokens, the sign-in form)
/// counted per client address (<c>Backoffice:SignInsPerMinute</c>) and per account name
/// (<c>Backoffice:SignInsPerAccountPerMinute</c>) over the last minute in the database (db/0046), shared by every node. The address is the
/// connection's remote address.
/// </summary>
public sealed class SignInLimits(NpgsqlDataSource dataSource, IOptions<BackofficeOptions> options)
{
    private sealed record Counts
    {
        public long ByAddress { get; init; }
        public long ByAccount { get; init; }
    }

    /// <summary>Counts the attempt; false when the address or the account is over its limit this minute.</summary>
    public async Task<bool> TryTakeAsync(HttpContext context, string? username)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var account = (username ?? "").Trim().ToLowerInvariant();
        account = account.Length > 100 ? account[..100] : account;
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var counts = await connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            with attempt as (
                insert into sign_in_attempts (scope, key, at) values ('address', @address, now()), ('account', @account, now()))
            select (select count(*) from sign_in_attempts where scope = 'address' and key = @address and at > now() - interval '1 minute') + 1
                       as by_address,
                   (select count(*) from sign_in_attempts where scope = 'account' and key = @account and at > now() - interval '1 minute') + 1
                       as by_account
            """, new { address, account }, cancellationToken: context.RequestAborted));
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from sign_in_attempts where at < now() - interval '10 minutes'", cancellationToken: context.RequestAborted));
        var settings = options.Value;
        return counts.ByAddress <= settings.SignInsPerMinute && counts.ByAccount <= settings.SignInsPerAccountPerMinute;
    }
}
