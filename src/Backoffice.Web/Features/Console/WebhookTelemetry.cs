using System.Diagnostics.Metrics;

namespace Backoffice.Web.Features.Console;

/// <summary>
/// Webhook delivery metrics (docs/OPERATIONS.md): attempts by outcome (<c>delivered</c>, <c>retry</c>: failed and
/// tried again later, <c>failed</c>: given up) and how long each attempt took, the receiver's answer included.
/// </summary>
public static class WebhookTelemetry
{
    public const string Name = "Backoffice.Webhooks";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "backoffice.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered, retry, failed).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "backoffice.webhook.delivery.duration", "s", "Time of one webhook delivery attempt, until the receiver answered or it failed.");

    public static void Attempted(bool delivered, bool givenUp, TimeSpan took)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : givenUp ? "failed" : "retry");
        Deliveries.Add(1, outcome);
        Duration.Record(took.TotalSeconds, outcome);
    }
}
