using Backoffice.Web.Features.Auth;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Demo;

/// <summary>
/// The demo and test-mode accounts of docs/API.md, all with the same published password and an address
/// at example.com (SLA escalations mail the leads). Seeded only when Backoffice:DemoData or
/// Backoffice:TestMode is on, which production refuses.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Passw0rd!";
    public const string ConsoleKey = "test-console-key";

    public sealed record Account(string Username, string DisplayName, string[] Roles, bool MemberOfTeams, bool LeadsTeams)
    {
        public string Email => $"{Username}@example.com";
    }

    /// <summary>The reviewer teams of db/0006; lead, reviewer and reviewer2 are members of all of them.</summary>
    public static readonly string[] Teams = ["initial-review", "verification", "second-review"];

    public static readonly Account[] Accounts =
    [
        new("admin", "系统管理员", [Roles.Admin], false, false),
        new("compliance", "合规经理", [Roles.Compliance], false, false),
        new("compliance2", "合规经理乙", [Roles.Compliance], false, false),
        new("lead", "审核组长", [Roles.TeamLead, Roles.Reviewer], true, true),
        new("reviewer", "审核员甲", [Roles.Reviewer], true, false),
        new("reviewer2", "审核员乙", [Roles.Reviewer], true, false),
        new("outsider", "未分组审核员", [Roles.Reviewer], false, false),
        new("liaison", "管局专员", [Roles.BureauLiaison], false, false),
        new("management", "管理层", [Roles.Management], false, false),
    ];

    public static async Task SeedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var hash = SignIn.HashPassword(Password);
        foreach (var account in Accounts)
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                insert into users (username, display_name, password_hash, roles, email) values (@Username, @DisplayName, @hash, @Roles, @Email)
                on conflict (username) do update set display_name = excluded.display_name, roles = excluded.roles, email = excluded.email
                returning id
                """,
                new { account.Username, account.DisplayName, hash, account.Roles, account.Email }, transaction, cancellationToken: cancellationToken));
            if (!account.MemberOfTeams)
            {
                continue;
            }

            foreach (var team in Teams)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    insert into team_members (team_id, user_id, is_lead) values (@team, @id, @lead)
                    on conflict (team_id, user_id) do update set is_lead = excluded.is_lead
                    """,
                    new { team, id, lead = account.LeadsTeams }, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
