using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// POST /sign-out: ends the staff cookie session and revokes the API tokens handed to its pages (the designer's),
/// audited, and returns to the sign-in page.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SignOutPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Auth/SignInPage");

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = HttpContext.Name();
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var revoked = await connection.ExecuteAsync(new CommandDefinition(
                "update api_tokens set revoked_at = @now where staff_session = @session and revoked_at is null",
                new { now, session = StaffCookie.Session(User) }, transaction, cancellationToken: ct));
            await AuditLog.WriteAsync(connection, transaction, now, actor, "sign-out", "user", actor, new { via = "staff-pages", pageTokensRevoked = revoked }, ct);
            await transaction.CommitAsync(ct);
        }

        await HttpContext.SignOutAsync(StaffCookie.Scheme);
        return Redirect("/sign-in");
    }
}
