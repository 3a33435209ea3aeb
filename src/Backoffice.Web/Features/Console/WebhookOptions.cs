using System.Globalization;

namespace Backoffice.Web.Features.Console;

/// <summary>Configuration section "Webhooks": how often the dispatcher looks for work and when a failed delivery is tried again.</summary>
public sealed class WebhookOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seconds after each failed attempt, the Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; the last repeats.</summary>
    public string RetryDelaySeconds { get; set; } = "5,300,1800,7200,18000,36000,36000";

    /// <summary>How long a delivery is retried before it is given up.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan DelayAfter(int attempts)
    {
        var delays = RetryDelaySeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempts - 1, 0, delays.Length - 1)]);
    }
}
