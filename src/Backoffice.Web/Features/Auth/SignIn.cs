using Backoffice.Workflows;
using Backoffice.Workflows.Audit;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// Checks a username and password with lock-out after repeated failures. Unknown users, wrong
/// passwords and locked accounts get the same answer, and take the same time.
/// </summary>
public sealed class SignIn(NpgsqlDataSource dataSource, TimeProvider clock, Microsoft.Extensions.Options.IOptions<BackofficeOptions> options)
{
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    public sealed record SignedInUser(long Id, string Username, string DisplayName, string[] Roles);

    public static string HashPassword(string password) => Hasher.HashPassword("", password);

    public async Task<SignedInUser?> CheckAsync(string username, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "select id, username, display_name, password_hash, roles, locked_until, active from users where username = @username for update",
            new { username }, transaction, cancellationToken: cancellationToken));
        if (user is null)
        {
            Hasher.VerifyHashedPassword("", DummyHash, password);
            return null;
        }

        var verified = Hasher.VerifyHashedPassword("", user.PasswordHash, password) != PasswordVerificationResult.Failed;
        var locked = user.LockedUntil > now;
        if (verified && !locked && user.Active)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update users set failed_attempts = 0, locked_until = null where id = @id", new { id = user.Id }, transaction,
                cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection, transaction, now, user.Username, "sign-in", "user", user.Username, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SignedInUser(user.Id, user.Username, user.DisplayName, user.Roles);
        }

        if (!locked)
        {
            var settings = options.Value;
            var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                """
                update users set failed_attempts = failed_attempts + 1,
                    locked_until = case when failed_attempts + 1 >= @max then @until else null end
                where id = @id returning failed_attempts
                """,
                new { id = user.Id, max = settings.MaxFailedSignIns, until = now + settings.LockoutDuration }, transaction,
                cancellationToken: cancellationToken));
            var action = failures >= settings.MaxFailedSignIns ? "locked-out" : "sign-in-failed";
            await AuditLog.WriteAsync(connection, transaction, now, user.Username, action, "user", user.Username, new { failures }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private sealed record UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public DateTimeOffset? LockedUntil { get; init; }
        public bool Active { get; init; }
    }
}
