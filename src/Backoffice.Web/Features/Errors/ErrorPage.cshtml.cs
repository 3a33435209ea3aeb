using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Errors;

/// <summary>
/// /error/{code}: the 403, 404 and 500 pages a browser gets (see <see cref="Infrastructure.ErrorPages"/>);
/// open to everyone, since an error can meet a signed-out visitor. They name nothing of what was asked.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is 403 or 404 ? code : 500;
        Response.StatusCode = Code;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
