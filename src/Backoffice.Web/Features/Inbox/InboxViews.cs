using System.Text.Json;
using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Inbox;

/// <summary>
/// Saved inbox views (db/0062): a tab, its filters, its sort and its columns under a name, kept for oneself or
/// shared with a team. A person sees his own views and those shared with his teams; only a lead of a team shares
/// with it; a view is deleted by its owner or by a lead of the team it is shared with. Creating and deleting are audited.
/// </summary>
public static class InboxViews
{
    public const int PerPerson = 50;
    public static readonly string[] Sorts = ["due", "latest"];

    public sealed record ViewFilters(string? OrderNumber = null, string? FilingType = null, string? Province = null, string? Step = null, string? Due = null);

    /// <summary>A view to save; <c>team</c> null keeps it personal.</summary>
    public sealed record Request(string? Name, string? Team, string? Tab, ViewFilters? Filters, string? Sort, string[]? Columns);

    public sealed record View(Guid Id, string Name, string Owner, string? Team, string Tab, ViewFilters Filters, string Sort, string[] Columns, bool CanDelete);

    public enum Deletion { Deleted, NotFound, Forbidden }

    private sealed record Stored
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Owner { get; init; } = "";
        public string? Team { get; init; }
        public string Tab { get; init; } = "";
        public string Filters { get; init; } = "{}";
        public string Sort { get; init; } = "";
        public string[] Columns { get; init; } = [];
    }

    private const string Select = "select id, name, owner, team, tab, filters::text as filters, sort, columns from inbox_views";

    private const string Visible = "((owner = @username and team is null) or team = any(@teams))";

    /// <summary>The views the person may apply: his own first, then those shared with his teams, by name.</summary>
    public static async Task<IReadOnlyList<View>> ListAsync(NpgsqlConnection connection, TaskAccess access, CancellationToken ct) =>
        (await connection.QueryAsync<Stored>(new CommandDefinition(
            $"{Select} where {Visible} order by team nulls first, name, id",
            new { username = access.Username, teams = access.Teams.ToArray() }, cancellationToken: ct)))
        .Select(v => Of(v, access)).ToList();

    /// <summary>One view the person may apply, or null (unknown and not his alike).</summary>
    public static async Task<View?> GetAsync(NpgsqlConnection connection, TaskAccess access, Guid id, CancellationToken ct)
    {
        var stored = await connection.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(
            $"{Select} where id = @id and {Visible}", new { id, username = access.Username, teams = access.Teams.ToArray() }, cancellationToken: ct));
        return stored is null ? null : Of(stored, access);
    }

    public static async Task<(View? View, ValidationErrors Errors)> CreateAsync(
        NpgsqlConnection connection, TaskAccess access, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var errors = Validate(request, access);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var owned = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from inbox_views where owner = @username", new { username = access.Username }, transaction, cancellationToken: ct));
        if (owned >= PerPerson)
        {
            errors.Add("name", "too-many", PerPerson);
            return (null, errors);
        }

        var filters = request.Filters ?? new ViewFilters();
        var stored = new Stored
        {
            Id = Guid.NewGuid(), Name = request.Name!.Trim(), Owner = access.Username, Team = string.IsNullOrEmpty(request.Team) ? null : request.Team,
            Tab = request.Tab ?? "mine", Filters = JsonSerializer.Serialize(filters, JsonBody.Options), Sort = request.Sort ?? "due",
            Columns = [.. InboxColumns.Chosen(request.Columns)],
        };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into inbox_views (id, name, owner, team, tab, filters, sort, columns, created_at)
            values (@Id, @Name, @Owner, @Team, @Tab, @Filters::jsonb, @Sort, @Columns, @now)
            """,
            new { stored.Id, stored.Name, stored.Owner, stored.Team, stored.Tab, stored.Filters, stored.Sort, stored.Columns, now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, access.Username, "inbox-view-created", "inbox-view", stored.Id.ToString(),
            new { stored.Name, stored.Team }, ct);
        await transaction.CommitAsync(ct);
        return (Of(stored, access), errors);
    }

    public static async Task<Deletion> DeleteAsync(NpgsqlConnection connection, TaskAccess access, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var view = await GetAsync(connection, access, id, ct);
        if (view is null)
        {
            return Deletion.NotFound;
        }

        if (!view.CanDelete)
        {
            return Deletion.Forbidden;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("delete from inbox_views where id = @id", new { id }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, access.Username, "inbox-view-deleted", "inbox-view", id.ToString(),
            new { view.Name, view.Team, view.Owner }, ct);
        await transaction.CommitAsync(ct);
        return Deletion.Deleted;
    }

    /// <summary>Every field checked against what the inbox offers; sharing only with a team one leads.</summary>
    public static ValidationErrors Validate(Request request, TaskAccess access)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "required");
        else if (name.Length > 60) errors.Add("name", "too-long", 60);
        else if (name.Any(char.IsControl)) errors.Add("name", "control-characters");
        if (!string.IsNullOrEmpty(request.Team) && !access.LeadOf.Contains(request.Team)) errors.Add("team", "view-share-needs-lead");
        if (request.Tab is not null && !InboxQuery.Tabs.Contains(request.Tab)) errors.Add("tab", "invalid-choice", string.Join(", ", InboxQuery.Tabs));
        if (request.Sort is not null && !Sorts.Contains(request.Sort)) errors.Add("sort", "invalid-choice", string.Join(", ", Sorts));
        if (request.Columns?.FirstOrDefault(c => !InboxColumns.IsKnown(c)) is not null) errors.Add("columns", "invalid-choice", string.Join(", ", InboxColumns.All));
        else if (request.Columns is not null && request.Columns.Distinct().Count() != request.Columns.Length) errors.Add("columns", "duplicate-values");
        var filters = request.Filters ?? new ViewFilters();
        if (filters.OrderNumber is { Length: > 40 }) errors.Add("filters.orderNumber", "too-long", 40);
        if (filters.FilingType is not null && !Workflows.Filings.FilingType.IsKnown(filters.FilingType)) errors.Add("filters.filingType", "invalid-choice", string.Join(", ", Workflows.Filings.FilingType.Labels.Keys));
        if (filters.Province is not null && !Workflows.Filings.Provinces.IsKnown(filters.Province)) errors.Add("filters.province", "invalid-choice", "GB/T 2260");
        if (filters.Step is { Length: > 200 }) errors.Add("filters.step", "too-long", 200);
        if (filters.Due is not null && !InboxQuery.DueFilters.Contains(filters.Due)) errors.Add("filters.due", "invalid-choice", string.Join(", ", InboxQuery.DueFilters));
        return errors;
    }

    private static View Of(Stored stored, TaskAccess access) => new(
        stored.Id, stored.Name, stored.Owner, stored.Team, stored.Tab,
        JsonSerializer.Deserialize<ViewFilters>(stored.Filters, JsonBody.Options) ?? new ViewFilters(), stored.Sort, stored.Columns,
        stored.Owner == access.Username && stored.Team is null || stored.Team is not null && (access.LeadOf.Contains(stored.Team) || stored.Owner == access.Username));
}
