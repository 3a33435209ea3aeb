using Hangfire.PostgreSql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// The Hangfire storage options of the app's job server and of the engine's per-step clients, so
/// both read and write the job queue alike.
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

    /// <summary>Enlisted in the ambient TransactionScope: a step's jobs exist only if the step commits.</summary>
    public static PostgreSqlStorageOptions Create() => new()
    {
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        InvisibilityTimeout = InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        EnableTransactionScopeEnlistment = true,
    };
}
