using System.Security.Cryptography;
using System.Text;
using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// <c>Idempotency-Key</c> on an authenticated POST or PUT under /api: the first request with a key runs and its
/// answer is kept (db/0043) for 24 hours; the same key and body again gets that answer with
/// <c>Idempotent-Replayed: true</c> and runs nothing; the same key with another body is 422
/// <c>idempotency-key-reused</c>; the same key while the first still runs is 409 <c>idempotency-key-in-flight</c>.
/// A 5xx answer is not kept, so the client may retry. A request left unfinished by a node that stopped is taken over
/// after <see cref="Abandoned"/>.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, NpgsqlDataSource dataSource)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    private sealed record Stored(byte[] RequestHash, bool Expired, bool Stale, bool Completed, int? Status, string? ContentType, string? Location, byte[]? Body);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) || !request.Path.StartsWithSegments("/api")
            || !request.Headers.TryGetValue(Header, out var values) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > 255 || key.Any(char.IsControl))
        {
            await Problems.Field(context, Header, "idempotency-key-format").ExecuteAsync(context);
            return;
        }

        var owner = context.Name();
        var hash = await HashAsync(request);
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        while (true)
        {
            if (await TryStartAsync(connection, owner, key, hash, ct))
            {
                await RunAsync(context, connection, owner, key);
                return;
            }

            var stored = await connection.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(
                """
                select request_hash as RequestHash, started_at < now() - interval '24 hours' as Expired,
                       started_at < now() - @abandoned as Stale, completed_at is not null as Completed, status as Status,
                       content_type as ContentType, location as Location, body as Body
                from idempotency_keys where owner = @owner and key = @key
                """, new { owner, key, abandoned = Abandoned }, cancellationToken: ct));
            if (stored is null)
            {
                continue;
            }

            if (stored.Expired || (!stored.Completed && stored.Stale))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "delete from idempotency_keys where owner = @owner and key = @key and (started_at < now() - @abandoned)",
                    new { owner, key, abandoned = Abandoned }, cancellationToken: ct));
                continue;
            }

            if (!stored.Completed)
            {
                await Problems.Conflict(context, "idempotency-key-in-flight", context.IsEnglish()
                    ? "A request with this Idempotency-Key is still running; retry when it has answered."
                    : "使用该 Idempotency-Key 的请求仍在处理中，请在其完成后重试。").ExecuteAsync(context);
                return;
            }

            if (!CryptographicOperations.FixedTimeEquals(stored.RequestHash, hash))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: context.IsEnglish() ? "This Idempotency-Key was used for another request." : "该 Idempotency-Key 已用于另一个请求。",
                    extensions: new Dictionary<string, object?> { ["code"] = "idempotency-key-reused" }).ExecuteAsync(context);
                return;
            }

            await ReplayAsync(context, stored);
            return;
        }
    }

    private static async Task<bool> TryStartAsync(NpgsqlConnection connection, string owner, string key, byte[] hash, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into idempotency_keys (owner, key, request_hash) values (@owner, @key, @hash) on conflict do nothing",
            new { owner, key, hash }, cancellationToken: ct)) == 1;

    private async Task RunAsync(HttpContext context, NpgsqlConnection connection, string owner, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await ForgetAsync(connection, owner, key);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode >= 500)
        {
            await ForgetAsync(connection, owner, key);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                update idempotency_keys set completed_at = now(), status = @StatusCode, content_type = @ContentType, location = @location, body = @body
                where owner = @owner and key = @key
                """,
                new { response.StatusCode, response.ContentType, location = response.Headers.Location.ToString(), body = buffer.ToArray(), owner, key },
                cancellationToken: CancellationToken.None));
            await connection.ExecuteAsync("delete from idempotency_keys where ctid = any (array(select ctid from idempotency_keys where started_at < now() - interval '24 hours' limit 100))");
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static Task ForgetAsync(NpgsqlConnection connection, string owner, string key) =>
        connection.ExecuteAsync(new CommandDefinition(
            "delete from idempotency_keys where owner = @owner and key = @key and completed_at is null", new { owner, key }, cancellationToken: CancellationToken.None));

    private static async Task ReplayAsync(HttpContext context, Stored stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status ?? StatusCodes.Status200OK;
        response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location))
        {
            response.Headers.Location = stored.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body ?? [], context.RequestAborted);
    }

    /// <summary>SHA-256 of the method, path, query, content type and body: what makes two requests the same.</summary>
    private static async Task<byte[]> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n{request.ContentType}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
