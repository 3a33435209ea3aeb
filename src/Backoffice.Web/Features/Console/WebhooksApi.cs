using Backoffice.Web.Infrastructure;
using Backoffice.Workflows;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Validation;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using static Backoffice.Web.Infrastructure.OpenApiDocument;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// The console's webhooks (API.md, console integration): register, list, delete, rotate the secret and read the
/// deliveries. Each caller sees its own webhooks only; every change is audited (the secret never is).
/// </summary>
public static class WebhooksApi
{
    public sealed record Request(string? Url, IReadOnlyList<string?>? Types);

    public sealed record Registered(Guid Id, string Url, string[] Types, string Secret);

    public sealed record Webhook
    {
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string[] Types { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>One event for one webhook: its attempts so far and how the last one went.</summary>
    public sealed record Delivery
    {
        public Guid EventId { get; init; }
        public string EventType { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? LastAttemptAt { get; init; }
        public int? LastStatus { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
        public DateTimeOffset? FailedAt { get; init; }
    }

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").RequireAuthorization(Policies.Console).WithTags("Console integration");
        group.MapPost("/", RegisterAsync).Accepts<Request>(Json)
            .Produces<Registered>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", ListAsync).Produces<Webhook[]>();
        group.MapDelete("/{id:guid}", DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync)
            .Produces<Registered>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync)
            .Produces<Delivery[]>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<BackofficeOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync<Request>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (await WebhookUrls.CheckAsync(body!.Url, options.Value.TestMode, context.RequestAborted) is { } urlError) errors.Add("url", urlError);
        var types = body.Types?.Where(t => t is not null).Select(t => t!).Distinct().ToArray() ?? [];
        if (types.Length == 0) errors.Add("types", "required");
        foreach (var (type, i) in types.Select((t, i) => (t, i)).Where(p => !OrderEvents.Types.Contains(p.t)))
        {
            errors.Add($"types[{i}]", "invalid-choice", string.Join(", ", OrderEvents.Types));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(context, errors);
        }

        var id = Guid.CreateVersion7();
        var secret = WebhookSignature.NewSecret();
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into webhooks (id, owner, url, types, secret, created_at) values (@id, @owner, @url, @types, @secret, @now)",
            new { id, owner = context.Name(), url = body.Url, types, secret, now }, transaction, cancellationToken: context.RequestAborted));
        await Backoffice.Workflows.Audit.AuditLog.WriteAsync(connection, transaction, now, context.Name(), "webhook-registered", "webhook", id.ToString(),
            new { url = body.Url, types }, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        return Results.Created($"/api/webhooks/{id}", new Registered(id, body.Url!, types, secret));
    }

    private static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var hooks = await connection.QueryAsync<Webhook>(new CommandDefinition(
            "select id, url, types, created_at from webhooks where owner = @owner and deleted_at is null order by created_at",
            new { owner = context.Name() }, cancellationToken: context.RequestAborted));
        return Results.Ok(hooks);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Guid id)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "update webhooks set deleted_at = @now where id = @id and owner = @owner and deleted_at is null",
            new { id, owner = context.Name(), now }, transaction, cancellationToken: context.RequestAborted));
        if (deleted == 0)
        {
            return Problems.NotFound(context);
        }

        await Backoffice.Workflows.Audit.AuditLog.WriteAsync(connection, transaction, now, context.Name(), "webhook-deleted", "webhook", id.ToString(), new { }, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RotateAsync(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock, Guid id)
    {
        var now = clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        var hook = await connection.QuerySingleOrDefaultAsync<Webhook>(new CommandDefinition(
            """
            update webhooks set previous_secret = secret, previous_secret_until = @until, secret = @secret
            where id = @id and owner = @owner and deleted_at is null
            returning id, url, types, created_at
            """,
            new { id, owner = context.Name(), secret, until = now.AddHours(24) }, transaction, cancellationToken: context.RequestAborted));
        if (hook is null)
        {
            return Problems.NotFound(context);
        }

        await Backoffice.Workflows.Audit.AuditLog.WriteAsync(connection, transaction, now, context.Name(), "webhook-secret-rotated", "webhook", id.ToString(), new { }, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        return Results.Ok(new Registered(hook.Id, hook.Url, hook.Types, secret));
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext context, NpgsqlDataSource dataSource, Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var owned = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from webhooks where id = @id and owner = @owner)", new { id, owner = context.Name() }, cancellationToken: context.RequestAborted));
        if (!owned)
        {
            return Problems.NotFound(context);
        }

        var deliveries = await connection.QueryAsync<Delivery>(new CommandDefinition(
            """
            select event_id, event_type, created_at, attempts, last_attempt_at, last_status, last_error, delivered_at, next_attempt_at, failed_at
            from webhook_deliveries where webhook_id = @id order by created_at desc limit 200
            """, new { id }, cancellationToken: context.RequestAborted));
        return Results.Ok(deliveries);
    }
}
