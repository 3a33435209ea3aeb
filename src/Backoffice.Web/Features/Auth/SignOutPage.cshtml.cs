using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Auth;

/// <summary>POST /sign-out: ends the staff cookie session (audited) and returns to the sign-in page.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SignOutPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Auth/SignInPage");

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = HttpContext.Name();
        await using (var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted))
        {
            await AuditLog.WriteAsync(connection, null, clock.GetUtcNow(), actor, "sign-out", "user", actor, new { via = "staff-pages" }, HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(StaffCookie.Scheme);
        return Redirect("/sign-in");
    }
}
