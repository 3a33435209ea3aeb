using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Auth;

/// <summary>/denied: where a signed-in user lands on a page his roles do not open (HTTP 403).</summary>
[AllowAnonymous]
public sealed class DeniedPageModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
