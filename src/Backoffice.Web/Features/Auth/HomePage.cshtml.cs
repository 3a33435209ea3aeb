using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Auth;

/// <summary>/: the first page of the navigation the user's roles open.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HomePageModel(IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        foreach (var item in Navigation.Items)
        {
            if ((await authorization.AuthorizeAsync(User, item.Policy)).Succeeded)
            {
                return Redirect(item.Path);
            }
        }

        return Page();
    }
}
