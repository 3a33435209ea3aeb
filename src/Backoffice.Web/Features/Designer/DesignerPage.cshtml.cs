using Backoffice.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Designer;

/// <summary>
/// /designer: the workflow designer for compliance managers. The page hosts the React app built
/// from src/Backoffice.Web/Designer into wwwroot/build/designer, which asks /session/api-token for a short-lived
/// bearer token of the signed-in user for its /api calls (the API takes bearer tokens, not the staff cookie).
/// </summary>
[Authorize(Policy = Policies.Compliance)]
public sealed class DesignerPageModel : PageModel
{
    public void OnGet()
    {
    }
}
