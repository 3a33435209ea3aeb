using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Auth;

/// <summary>
/// /sign-in: username and password checked by <see cref="SignIn"/> (lock-out after repeated failures,
/// audited), then the staff cookie. Unknown user, wrong password and locked account read alike.
/// </summary>
[AllowAnonymous]
public sealed class SignInPageModel(SignIn signIn, SignInLimits limits) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = HttpContext.T("请输入用户名和密码。", "Enter your username and password.");
            return Page();
        }

        if (!await limits.TryTakeAsync(HttpContext, Username))
        {
            Error = HttpContext.T("登录尝试过于频繁，请一分钟后再试。", "Too many sign-in attempts; try again in a minute.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = Username.Length > 100 || Password.Length > 200
            ? null
            : await signIn.CheckAsync(Username.Trim(), Password, HttpContext.RequestAborted);
        if (user is null)
        {
            Error = HttpContext.T("用户名或密码错误，或账户已被暂时锁定。", "Wrong username or password, or the account is temporarily locked.");
            return Page();
        }

        await HttpContext.SignInAsync(StaffCookie.Scheme, StaffCookie.Principal(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
