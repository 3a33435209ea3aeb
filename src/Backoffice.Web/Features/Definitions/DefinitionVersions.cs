using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// Saving a draft (kept even while invalid, with its errors reported, as an editor autosaves),
/// validating an edit without saving it, discarding the draft, and asking for its publication (refused with every error); see
/// <see cref="PublicationApproval"/> for the second pair of eyes that makes it live.
/// </summary>
public static class DefinitionVersions
{
    private sealed record DraftStamp
    {
        public int Version { get; init; }
        public string SavedBy { get; init; } = "";
        public DateTimeOffset SavedAt { get; init; }
    }

    private sealed record DraftRow
    {
        public int Version { get; init; }
        public string Document { get; init; } = "";
    }

    public static async Task<IResult> SaveDraftAsync(string id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (definition, problem) = await JsonBody.ReadAsync<WorkflowDefinition>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (definition!.Id != id)
        {
            return Problems.Field(context, "id", "definition-id-mismatch", id);
        }

        return await StoreDraftAsync(id, definition, "definition-draft-saved", context, dataSource, clock);
    }

    /// <summary>Saves <paramref name="definition"/> as the draft of <paramref name="id"/> (audited as <paramref name="auditAction"/>) and answers its validation errors.</summary>
    public static async Task<IResult> StoreDraftAsync(
        string id, WorkflowDefinition definition, string auditAction, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (definition.MissingPart() is { } missing)
        {
            return Problems.Field(context, missing, "required");
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workflow_definitions where id = @id for update)", new { id }, transaction, cancellationToken: ct));
        if (!exists)
        {
            return Problems.NotFound(context);
        }

        if (await StaleDraftAsync(id, context, connection, transaction) is { } stale)
        {
            return stale;
        }

        var actor = context.Name();
        var now = clock.GetUtcNow();
        var saved = await connection.QuerySingleAsync<DraftStamp>(new CommandDefinition(
            """
            insert into workflow_definition_versions (definition_id, version, status, document, saved_by, saved_at)
            select @id, coalesce(max(version), 0) + 1, 'draft', @document::jsonb, @actor, @now from workflow_definition_versions where definition_id = @id
            on conflict (definition_id) where status = 'draft'
            do update set document = excluded.document, saved_by = excluded.saved_by, saved_at = excluded.saved_at
            returning version, saved_by, saved_at
            """,
            new { id, document = DefinitionJson.Write(definition), actor, now }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, auditAction, "workflow-definition", id, new { saved.Version }, ct);
        await transaction.CommitAsync(ct);
        var errors = await DefinitionValidator.ValidateAsync(connection, definition with { Version = saved.Version }, ct);
        return Results.Ok(new { id, version = saved.Version, status = "draft", savedAt = saved.SavedAt, errors });
    }

    /// <summary>
    /// With <c>?expectedSavedAt=</c> (the draft's savedAt the editor started from, or <c>none</c> when it
    /// started from the published version) a save is refused with 409 when someone saved the draft since.
    /// </summary>
    private static async Task<IResult?> StaleDraftAsync(string id, HttpContext context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var expected = context.Request.Query["expectedSavedAt"].ToString();
        if (expected.Length == 0)
        {
            return null;
        }

        DateTimeOffset? expectedAt = null;
        if (expected != "none")
        {
            if (!DateTimeOffset.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
            {
                return Problems.Field(context, "expectedSavedAt", "draft-stamp-format");
            }

            expectedAt = parsed;
        }

        var current = await connection.QuerySingleOrDefaultAsync<DraftStamp>(new CommandDefinition(
            "select version, saved_by, saved_at from workflow_definition_versions where definition_id = @id and status = 'draft'",
            new { id }, transaction, cancellationToken: context.RequestAborted));
        if (current?.SavedAt == expectedAt)
        {
            return null;
        }

        return Problems.Conflict(context, "draft-changed",
            context.IsEnglish()
                ? $"The draft was changed by {current?.SavedBy ?? "a publication"} since you opened it; reload it."
                : $"草稿在您打开后已被 {current?.SavedBy ?? "发布"} 修改，请重新加载。",
            new { current?.SavedBy, current?.SavedAt });
    }

    /// <summary>
    /// Publishing asks for approval: the draft (valid, with a note) becomes the candidate awaiting a
    /// second compliance manager; nothing is live yet. Every saved scenario is played on it first, and the
    /// first that fails refuses it (422 <c>scenario-failed</c>). The request's audit row carries the changes
    /// from the published version in business language, as the approver reads them.
    /// </summary>
    public static async Task<IResult> PublishAsync(
        string id, HttpContext context, NpgsqlDataSource dataSource, DefinitionStore store, WorkingCalendarStore calendars, TimeProvider clock)
    {
        var (note, problem) = await PublicationApproval.ReadNoteAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var draft = await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(
            "select version, document::text from workflow_definition_versions where definition_id = @id and status = 'draft' for update",
            new { id }, transaction, cancellationToken: ct));
        if (draft is null)
        {
            return Problems.Conflict(context, "no-draft", context.IsEnglish() ? "There is no draft to publish." : "没有可发布的草稿。");
        }

        var definition = DefinitionJson.Parse(draft.Document) with { Id = id, Version = draft.Version };
        var errors = await DefinitionValidator.ValidateAsync(connection, definition, ct);
        if (errors.Count > 0)
        {
            return Invalid(context, errors);
        }

        var pending = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select version from workflow_definition_versions where definition_id = @id and status = 'awaiting-approval'",
            new { id }, transaction, cancellationToken: ct));
        if (pending is { } waiting)
        {
            return Problems.Conflict(context, "approval-pending",
                context.IsEnglish() ? $"Version {waiting} still awaits approval; approve or reject it first." : $"版本 {waiting} 仍在等待审批，请先批准或驳回。",
                new { version = waiting });
        }

        var now = clock.GetUtcNow();
        if (await Scenarios.FirstFailureAsync(connection, definition, await calendars.GetAsync(connection, ct), now, ct) is { } failure)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: context.T($"试运行场景「{failure.Scenario}」在此版本上未通过。", $"The scenario “{failure.Scenario}” fails on this version."),
                extensions: new Dictionary<string, object?> { ["code"] = "scenario-failed", ["scenario"] = failure.Scenario, ["differences"] = failure.Differences });
        }

        var actor = context.Name();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_definition_versions set status = 'awaiting-approval', requested_by = @actor, requested_at = @now, note = @note,
                document = @document::jsonb
            where definition_id = @id and version = @version
            """,
            new { id, actor, now, note, version = definition.Version, document = DefinitionJson.Write(definition) }, transaction, cancellationToken: ct));
        var published = await store.PublishedAsync(connection, id, ct);
        var changes = published is null ? [] : new ChangeDescriptions(published, definition, await ChangeLabels.LoadAsync(connection, false, ct))
            .All(DefinitionDiff.Between(published, definition)).Select(c => c.Description).ToArray();
        await AuditLog.WriteAsync(connection, transaction, now, actor, "definition-publish-requested", "workflow-definition", id,
            new { version = definition.Version, note, changes }, ct);
        await transaction.CommitAsync(ct);
        return Results.Accepted(value: new { id, version = definition.Version, state = PublicationApproval.AwaitingApproval });
    }

    /// <summary>「放弃草稿」: deletes the draft, so the definition is its published version again; audited. 409 <c>no-draft</c> without one.</summary>
    public static async Task<IResult> DiscardDraftAsync(string id, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var discarded = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "delete from workflow_definition_versions where definition_id = @id and status = 'draft' returning version",
            new { id }, transaction, cancellationToken: ct));
        if (discarded is null)
        {
            return Problems.Conflict(context, "no-draft", context.T("没有可放弃的草稿。", "There is no draft to discard."));
        }

        var now = clock.GetUtcNow();
        await AuditLog.WriteAsync(connection, transaction, now, context.Name(), "definition-draft-discarded", "workflow-definition", id,
            new { version = discarded }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { id, discardedVersion = discarded });
    }

    /// <summary>The engine's validation of an edited definition, without saving it: every error keyed by its activity.</summary>
    public static async Task<IResult> ValidateAsync(string id, HttpContext context, NpgsqlDataSource dataSource)
    {
        var (definition, problem) = await JsonBody.ReadAsync<WorkflowDefinition>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (definition!.MissingPart() is { } missing)
        {
            return Problems.Field(context, missing, "required");
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await DefinitionStore.ExistsAsync(connection, id, ct))
        {
            return Problems.NotFound(context);
        }

        var errors = await DefinitionValidator.ValidateAsync(connection, definition with { Id = id }, ct);
        return Results.Ok(new { valid = errors.Count == 0, errors });
    }

    /// <summary>400 with every error of a definition, keyed by activity, and the engine's errors as they are.</summary>
    public static IResult Invalid(HttpContext context, IReadOnlyList<DefinitionError> errors) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: context.IsEnglish() ? "The definition has errors." : "流程定义有错误。",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.ActivityId is null ? "definition" : $"activities[{e.ActivityId}]")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                ["definitionErrors"] = errors,
            });
}
