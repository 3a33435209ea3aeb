using System.Text.RegularExpressions;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Privacy;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Admin;

/// <summary>
/// /admin/users: staff accounts (roles, active, password, e-mail address, lock-out) and reviewer team
/// membership. Every change is audited, the address masked; deactivating a user or changing roles
/// applies to his next request. SLA escalations are mailed to a lead's address.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class UsersPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    public sealed record UserRow
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Email { get; init; }
        public string[] Roles { get; init; } = [];
        public bool Active { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
        public string[] Teams { get; init; } = [];
        public string[] Leads { get; init; } = [];
    }

    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string[] UserRoles { get; set; } = [];
    [BindProperty] public bool Active { get; set; } = true;
    [BindProperty] public string? Password { get; set; }

    /// <summary>Set by the edit form: an empty e-mail keeps the current address, which the form shows masked only.</summary>
    [BindProperty] public bool KeepEmail { get; set; }

    public string? CurrentEmailMasked { get; private set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Teams { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The list; <paramref name="edit"/> loads that user's current values into the form (never the password).</summary>
    public async Task OnGetAsync(string? edit)
    {
        await LoadAsync();
        if (Users.FirstOrDefault(u => u.Username == edit) is { } user)
        {
            (Username, DisplayName, UserRoles, Active) = (user.Username, user.DisplayName, user.Roles, user.Active);
            (KeepEmail, CurrentEmailMasked) = (user.Email is not null, Mask.Email(user.Email));
        }
    }

    /// <summary>A team by its label, or by its name when the catalogue does not know it.</summary>
    public string TeamName(string id, bool english) =>
        LabelCatalogue.OfTeam(id, Teams.FirstOrDefault(t => t.Id == id).Name, english);

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var username = Username?.Trim() ?? "";
        if (!UsernamePattern().IsMatch(username)) Errors["Username"] = HttpContext.T("用户名须为 2 到 64 个小写字母、数字、点、下划线或连字符", "The username is 2 to 64 lower-case letters, digits, dots, underscores or hyphens");
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 100) Errors["DisplayName"] = HttpContext.T("姓名必填，不超过 100 字", "The name is required, at most 100 characters");
        if (UserRoles.Length == 0 || UserRoles.Any(r => !Roles.Staff.Contains(r))) Errors["UserRoles"] = HttpContext.T("请至少选择一个角色", "Choose at least one role");
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && !ContactRules.IsEmail(email)) Errors["Email"] = HttpContext.T("电子邮箱格式不正确", "The e-mail address is not valid");
        if (Password is { Length: > 0 } && (Password.Length < 8 || Password.Length > 200)) Errors["Password"] = HttpContext.T("密码须为 8 到 200 个字符", "The password has 8 to 200 characters");
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from users where username = @username)", new { username }, cancellationToken: ct));
        if (!exists && string.IsNullOrEmpty(Password)) Errors["Password"] = HttpContext.T("新用户须设置密码", "A new user needs a password");
        if (Errors.Count == 0)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into users (username, display_name, password_hash, roles, active, email) values (@username, @name, @hash, @roles, @active, @email)
                on conflict (username) do update set display_name = excluded.display_name, roles = excluded.roles, active = excluded.active,
                    email = case when @keepEmail then users.email else excluded.email end, password_hash = case when @hash = '' then users.password_hash else excluded.password_hash end
                """,
                new { username, name = DisplayName!.Trim(), hash = string.IsNullOrEmpty(Password) ? "" : Auth.SignIn.HashPassword(Password), roles = UserRoles, active = Active, email, keepEmail = KeepEmail && email is null },
                transaction, cancellationToken: ct));
            await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), HttpContext.Name(), exists ? "user-updated" : "user-created", "user", username,
                new { DisplayName, email = Mask.Email(email), roles = UserRoles, Active, passwordChanged = !string.IsNullOrEmpty(Password) }, ct);
            await transaction.CommitAsync(ct);
            Done = username;
        }

        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostMemberAsync(string username, string team, bool lead, bool remove) =>
        ChangeAsync(username, remove ? "team-member-removed" : "team-member-saved", new { team, lead },
            remove
                ? "delete from team_members where team_id = @team and user_id = (select id from users where username = @username)"
                : """
                  insert into team_members (team_id, user_id, is_lead) select @team, id, @lead from users where username = @username
                      and exists (select 1 from teams where id = @team)
                  on conflict (team_id, user_id) do update set is_lead = excluded.is_lead
                  """,
            new { username, team, lead });

    public Task<IActionResult> OnPostUnlockAsync(string username) =>
        ChangeAsync(username, "user-unlocked", null,
            "update users set failed_attempts = 0, locked_until = null where username = @username", new { username });

    private async Task<IActionResult> ChangeAsync(string username, string action, object? details, string sql, object args)
    {
        var ct = HttpContext.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct)) > 0)
        {
            await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), HttpContext.Name(), action, "user", username, details, ct);
            await transaction.CommitAsync(ct);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        Users = (await connection.QueryAsync<UserRow>(new CommandDefinition(
            """
            select u.username, u.display_name, u.email, u.roles, u.active, u.locked_until,
                   array(select m.team_id from team_members m where m.user_id = u.id order by 1) as teams,
                   array(select m.team_id from team_members m where m.user_id = u.id and m.is_lead order by 1) as leads
            from users u order by u.username
            """, cancellationToken: HttpContext.RequestAborted))).AsList();
        Teams = (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "select id, name from teams order by id", cancellationToken: HttpContext.RequestAborted))).AsList();
    }

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex UsernamePattern();
}
