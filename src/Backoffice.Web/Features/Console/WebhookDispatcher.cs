using System.Diagnostics;
using System.Text;
using Backoffice.Workflows;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// Runs on every node: turns new events into deliveries (one node at a time, the cursor row locked with SKIP
/// LOCKED) and POSTs due deliveries, each claimed for the length of one attempt so that no two nodes send it at
/// once. At least once: a node that stops mid-attempt leaves the delivery to be sent again when its claim lapses.
/// </summary>
public sealed class WebhookDispatcher(
    NpgsqlDataSource dataSource, IHttpClientFactory clients, IOptions<WebhookOptions> options, IOptions<BackofficeOptions> backoffice,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string Client = "webhooks";

    private sealed record Due
    {
        public Guid WebhookId { get; init; }
        public Guid EventId { get; init; }
        public string Url { get; init; } = "";
        public string Payload { get; init; } = "";
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FanOutAsync(stoppingToken);
                var due = await ClaimAsync(stoppingToken);
                await Task.WhenAll(due.Select(d => DeliverAsync(d, stoppingToken)));
                if (due.Count > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook dispatch failed; trying again");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Events committed after the cursor (the committed prefix of db/0044) become one delivery per subscribed webhook.</summary>
    private async Task FanOutAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            """
            with cursor as (select tx, seq from webhook_dispatch where id = 1 for update skip locked),
            batch as (
                select e.tx, e.seq, e.id, e.type, e.occurred_at, e.data from order_events e, cursor c
                where (e.tx, e.seq) > (c.tx, c.seq) and e.tx < pg_snapshot_xmin(pg_current_snapshot())
                order by e.tx, e.seq limit 500),
            fan as (
                insert into webhook_deliveries (webhook_id, event_id, event_type, payload, created_at, next_attempt_at)
                select w.id, b.id, b.type,
                       json_build_object('id', b.id, 'type', b.type, 'occurredAt', b.occurred_at, 'data', b.data)::text, now(), now()
                from batch b join webhooks w on w.deleted_at is null and b.type = any (w.types)
                on conflict do nothing)
            update webhook_dispatch d set tx = last.tx, seq = last.seq
            from (select tx, seq from batch order by tx desc, seq desc limit 1) last
            where d.id = 1
            """, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        if (moved > 0)
        {
            logger.LogDebug("Webhook deliveries queued up to a new cursor");
        }
    }

    /// <summary>Due deliveries, each claimed for one attempt (its next attempt moved past the attempt's time-out).</summary>
    private async Task<List<Due>> ClaimAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Due>(new CommandDefinition(
            """
            with due as (
                select webhook_id, event_id from webhook_deliveries
                where delivered_at is null and failed_at is null and next_attempt_at <= now()
                order by next_attempt_at limit 32 for update skip locked)
            update webhook_deliveries d set next_attempt_at = now() + @claim
            from due, webhooks w
            where d.webhook_id = due.webhook_id and d.event_id = due.event_id and w.id = d.webhook_id
            returning d.webhook_id as WebhookId, d.event_id as EventId, w.url as Url, d.payload as Payload, w.secret as Secret,
                      case when w.previous_secret_until > now() then w.previous_secret end as PreviousSecret,
                      d.attempts as Attempts, d.created_at as CreatedAt
            """, new { claim = options.Value.Timeout * 3 }, cancellationToken: ct))).ToList();
    }

    private async Task DeliverAsync(Due due, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int? status = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        var privateRefusal = await WebhookUrls.CheckAsync(due.Url, backoffice.Value.TestMode, ct);
        if (privateRefusal is not null)
        {
            error = privateRefusal;
        }
        else
        {
            try
            {
                var timestamp = now.ToUnixTimeSeconds();
                var id = due.EventId.ToString();
                using var request = new HttpRequestMessage(HttpMethod.Post, due.Url) { Content = new StringContent(due.Payload, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSignature.Sign(
                    due.PreviousSecret is null ? [due.Secret] : [due.Secret, due.PreviousSecret], id, timestamp, due.Payload));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.Value.Timeout);
                using var response = await clients.CreateClient(Client).SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }
        }

        var delivered = status is >= 200 and < 300;
        var attempts = due.Attempts + 1;
        var next = now + options.Value.DelayAfter(attempts);
        var givenUp = !delivered && next > due.CreatedAt + options.Value.RetryFor;
        WebhookTelemetry.Attempted(delivered, givenUp, watch.Elapsed);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update webhook_deliveries set attempts = @attempts, last_attempt_at = now(), last_status = @status, last_error = @error,
                delivered_at = case when @delivered then now() end, failed_at = case when @givenUp then now() end,
                next_attempt_at = case when @delivered or @givenUp then null else @next end
            where webhook_id = @WebhookId and event_id = @EventId
            """, new { attempts, status, error = error?[..Math.Min(error.Length, 500)], delivered, givenUp, next, due.WebhookId, due.EventId }));
        logger.LogInformation("Webhook delivery of {EventId} to {WebhookId}: attempt {Attempt}, {Status}{Error} in {Milliseconds} ms",
            due.EventId, due.WebhookId, attempts, status, error, watch.ElapsedMilliseconds);
    }
}
