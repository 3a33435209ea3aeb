using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Definitions;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// Four-eyes publishing: a candidate version (see <see cref="DefinitionVersions.PublishAsync"/>) goes
/// live only when a compliance manager or admin other than its author approves it with a note; the
/// previous published version is retired then, and running orders stay on the version they started
/// on. Anyone of the role may reject it with a note (its author too, to withdraw it). Both audited.
/// </summary>
public static class PublicationApproval
{
    public const string AwaitingApproval = "awaiting-approval";

    public sealed record NoteRequest(string? Note);

    private sealed record CandidateRow
    {
        public string Status { get; init; } = "";
        public string? RequestedBy { get; init; }
        public string SavedBy { get; init; } = "";
    }

    /// <summary>The required note of a publication, approval or rejection: 400 at <c>note</c> when missing or blank.</summary>
    public static async Task<(string Note, IResult? Problem)> ReadNoteAsync(HttpContext context)
    {
        NoteRequest? request = null;
        if (context.Request.ContentLength is null or > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<NoteRequest>(context);
            if (problem is not null)
            {
                return ("", problem);
            }

            request = body;
        }

        return string.IsNullOrWhiteSpace(request?.Note)
            ? ("", Problems.Field(context, "note", "required"))
            : (request.Note.Trim(), null);
    }

    public static Task<IResult> ApproveAsync(string id, int version, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        DecideAsync(id, version, context, dataSource, async (connection, transaction, note, ct) =>
    {
        var candidate = await connection.QuerySingleAsync<CandidateRow>(new CommandDefinition(
            "select status, requested_by, saved_by from workflow_definition_versions where definition_id = @id and version = @version",
            new { id, version }, transaction, cancellationToken: ct));
        var actor = context.Name();
        if (!FourEyes.MayApprove(actor, candidate.SavedBy, candidate.RequestedBy))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: context.T("发布须由作者以外的另一位合规经理或管理员批准。", "A publication is approved by a compliance manager or admin other than its author."),
                extensions: new Dictionary<string, object?> { ["code"] = "four-eyes" });
        }

        var document = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select document::text from workflow_definition_versions where definition_id = @id and version = @version",
            new { id, version }, transaction, cancellationToken: ct));
        var errors = await DefinitionValidator.ValidateAsync(connection, DefinitionJson.Parse(document!) with { Id = id, Version = version }, ct);
        if (errors.Count > 0)
        {
            return DefinitionVersions.Invalid(context, errors);
        }

        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_definition_versions set status = 'retired' where definition_id = @id and status = 'published';
            update workflow_definition_versions set status = 'published', published_by = @actor, published_at = @now,
                decided_by = @actor, decided_at = @now, decision_note = @note
            where definition_id = @id and version = @version;
            """, new { id, version, actor, now, note }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, "definition-published", "workflow-definition", id,
            new { version, note, requestedBy = candidate.RequestedBy }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { id, version, state = "published" });
    });

    public static Task<IResult> RejectAsync(string id, int version, HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock) =>
        DecideAsync(id, version, context, dataSource, async (connection, transaction, note, ct) =>
    {
        var actor = context.Name();
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_definition_versions set status = 'rejected', decided_by = @actor, decided_at = @now, decision_note = @note
            where definition_id = @id and version = @version
            """, new { id, version, actor, now, note }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, now, actor, "definition-publication-rejected", "workflow-definition", id,
            new { version, note }, ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { id, version, state = "rejected" });
    });

    /// <summary>
    /// The part approving and rejecting share: the note read, then the candidate checked in a transaction that
    /// <paramref name="decide"/> commits when it records the decision.
    /// </summary>
    private static async Task<IResult> DecideAsync(string id, int version, HttpContext context, NpgsqlDataSource dataSource,
        Func<NpgsqlConnection, NpgsqlTransaction, string, CancellationToken, Task<IResult>> decide)
    {
        var (note, problem) = await ReadNoteAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await CandidateAsync(id, version, context, connection, transaction) is { } refused)
        {
            return refused;
        }

        return await decide(connection, transaction, note, ct);
    }

    /// <summary>404 for an unknown version, 409 <c>not-awaiting-approval</c> for one that is not the candidate; the row is locked otherwise.</summary>
    private static async Task<IResult?> CandidateAsync(string id, int version, HttpContext context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select status from workflow_definition_versions where definition_id = @id and version = @version for update",
            new { id, version }, transaction, cancellationToken: context.RequestAborted));
        return status switch
        {
            null => Problems.NotFound(context),
            AwaitingApproval => null,
            _ => Problems.Conflict(context, "not-awaiting-approval",
                context.T($"版本 {version} 不在等待审批（当前：{status}）。", $"Version {version} is not awaiting approval (it is {status})."),
                new { version, status }),
        };
    }
}
