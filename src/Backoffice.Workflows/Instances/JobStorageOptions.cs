using Hangfire.PostgreSql;

namespace Backoffice.Workflows.Instances;

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
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(2);

    public static PostgreSqlStorageOptions Create() => new()
    {
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        InvisibilityTimeout = InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
    };
}
