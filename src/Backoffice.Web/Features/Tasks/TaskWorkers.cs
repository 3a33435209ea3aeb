using System.Security.Claims;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.ReviewTasks;
using Npgsql;

namespace Backoffice.Web.Features.Tasks;

/// <summary>The signed-in user as a worker on review tasks: his name, and the roles that widen what he may do.</summary>
public static class TaskWorkers
{
    public static TaskWorker Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Name) ?? "", user.IsInRole(Roles.Admin), user.IsInRole(Roles.TeamLead));

    /// <summary>The teams whose tasks the user sees and works, and those he leads.</summary>
    public static Task<TaskAccess> AccessAsync(ClaimsPrincipal user, NpgsqlConnection connection, CancellationToken ct) =>
        TaskAccess.ForAsync(Of(user), connection, ct);
}
