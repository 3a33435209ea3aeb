using System.Globalization;
using System.Security.Claims;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Designer;

/// <summary>
/// /designer: the workflow designer for compliance managers. The page hosts the React app built
/// from src/Backoffice.Web/Designer into wwwroot/build/designer and hands it a bearer token of the
/// signed-in user for its /api calls (the API takes bearer tokens, not the staff cookie); signing out of the
/// staff pages revokes it.
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class DesignerPageModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(4);

    public string ApiToken { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var userId = long.Parse(User.FindFirstValue(BearerTokenHandler.UserIdClaim)!, CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        (ApiToken, _) = await TokensApi.StoreAsync(
            dataSource, userId, now, now + TokenLifetime, (HttpContext.Name(), "/designer", StaffCookie.Session(User)!.Value), HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
    }
}
