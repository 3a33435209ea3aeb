using System.ComponentModel.DataAnnotations;

namespace Backoffice.Workflows;

/// <summary>Settings of the section "Backoffice", bound and validated at start.</summary>
public sealed class BackofficeOptions
{
    public const string Section = "Backoffice";

    /// <summary>Test mode (docs/API.md): test clock, simulator registry insert, fixed test users. Never in production.</summary>
    public bool TestMode { get; set; }

    /// <summary>Seed demo users and data for a local run. Never in production.</summary>
    public bool DemoData { get; set; }

    /// <summary>This provider's code in the registry: records accessed with this code are "filed here".</summary>
    [Required, RegularExpression("^[a-z0-9-]{2,32}$")]
    public string ProviderCode { get; set; } = "backoffice";

    /// <summary>
    /// The provider's account rule (Kingsoft 账号实名): each order names its customer account, an account files one subject,
    /// and the subject's name is the account's real name. Off by default.
    /// </summary>
    public bool OneSubjectPerAccount { get; set; }

    /// <summary>API keys of console clients; each is accepted as a bearer token with role console.</summary>
    public List<string> ConsoleApiKeys { get; set; } = [];

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts accepted per client address and minute, counted across nodes (brute-force brake besides lock-out).</summary>
    [Range(1, 10_000)]
    public int SignInsPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts accepted per account name and minute, from any address and node.</summary>
    [Range(1, 10_000)]
    public int SignInsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Largest JSON request body accepted, in bytes.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxJsonBytes { get; set; } = 256 * 1024;

    /// <summary>Apply the db/ migrations when the app starts (under an advisory lock, so many nodes may start at once).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
