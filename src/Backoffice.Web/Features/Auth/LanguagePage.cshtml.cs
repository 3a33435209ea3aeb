using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Auth;

/// <summary>POST /language {to: zh|en}: the staff pages' language, kept in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class LanguagePageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? to, string? returnUrl)
    {
        Response.Cookies.Append(RequestLanguage.Cookie, to == "en" ? "en" : "zh", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
