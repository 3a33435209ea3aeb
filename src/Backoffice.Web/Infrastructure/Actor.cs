using System.Security.Claims;

namespace Backoffice.Web.Infrastructure;

public static class Actor
{
    /// <summary>Who is acting: the signed-in user's name, or "console" for the console's API key; it goes into every audit row.</summary>
    public static string Name(this HttpContext context) => context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
}
