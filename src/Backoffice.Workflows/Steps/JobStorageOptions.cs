using Hangfire.PostgreSql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// The Hangfire storage options of the app's job server. Engine steps write their jobs' rows
/// themselves (<see cref="HangfireJobRows"/>), in the form this storage reads.
/// </summary>
public static class JobStorageOptions
{
    /// <summary>
    /// How long a job fetched by a server that died (kill -9, power loss) stays invisible before a live
    /// server runs it again. Short, because sliding invisibility has a live server push the fetch time
    /// forward every fifth of it while a job runs: a long job is never taken over while its server lives.
    /// Every job is safe to run twice, so a takeover after a longer PostgreSQL outage does no harm.
    /// With <see cref="QueuePollInterval"/> an orphaned job runs again within 1 min 45 s of its fetch.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How often a server looks for jobs that no NOTIFY announced, such as orphaned ones whose invisibility lapsed.</summary>
    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old a Hangfire distributed lock (recurring and delayed job schedulers, expiration) may be before
    /// another server takes it: a killed server's lock holds the others back this long, not the library's 10 minutes.
    /// Those locks guard work of a few seconds.
    /// </summary>
    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromMinutes(1);

    public static PostgreSqlStorageOptions Create() => new()
    {
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        InvisibilityTimeout = InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = QueuePollInterval,
        DistributedLockTimeout = DistributedLockTimeout,
    };
}
