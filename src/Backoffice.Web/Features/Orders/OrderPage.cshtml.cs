using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Registry;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// /orders/{id}: an order for staff (data masked, materials, timeline, tasks, bureau events), the
/// audited reveal of its personal data (for the roles of <see cref="PersonalData.RevealPolicy"/>; the
/// task page's button posts here too), and its material files; an order out of the caller's sight
/// (<see cref="OrderVisibility"/>) is 404 for all three.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrderPageModel(
    NpgsqlDataSource dataSource, TimeProvider clock, IAuthorizationService authorization, RegistryStore registry) : PageModel
{
    public OrderDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        var details = await VisibleAsync(connection, id)
            ? await OrderDetails.LoadAsync(connection, id, HttpContext.IsEnglish(), OrderTimeline.MaySeeJournal(User), registry.ProviderCode, HttpContext.RequestAborted)
            : null;
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await PersonalData.MayRevealAsync(authorization, User))
        {
            return new JsonResult(new { ok = false, message = HttpContext.T("你的角色不能查看完整证件号与电话。", "Your roles may not see full ID numbers and phones.") })
            {
                StatusCode = StatusCodes.Status403Forbidden,
            };
        }

        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        if (!await VisibleAsync(connection, id))
        {
            return NotFound();
        }

        var fields = await PersonalData.RevealAsync(connection, id, HttpContext.Name(), clock.GetUtcNow(), HttpContext.RequestAborted);
        return fields is null ? NotFound() : new JsonResult(new { ok = true, fields });
    }

    public async Task<IActionResult> OnGetMaterialAsync(Guid id, Guid materialId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(HttpContext.RequestAborted);
        if (!await VisibleAsync(connection, id))
        {
            return NotFound();
        }

        var file = await connection.QuerySingleOrDefaultAsync<(byte[] Content, string ContentType, string FileName)?>(new CommandDefinition(
            "select content, content_type, file_name from filing_materials where id = @materialId and order_id = @id",
            new { id, materialId }, cancellationToken: HttpContext.RequestAborted));
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(file.Value.Content, file.Value.ContentType);
    }

    private async Task<bool> VisibleAsync(NpgsqlConnection connection, Guid id) =>
        await (await OrderVisibility.ForAsync(User, connection, HttpContext.RequestAborted)).CanSeeAsync(connection, id, HttpContext.RequestAborted);
}
